import { defineChecks } from 'signed-in/checks'
import { currentUserChecks } from '../_shared/current-user'

export default defineChecks(
  currentUserChecks(
    'The report should name an authenticated user. What did the loader hand the manager?',
  ),
)
