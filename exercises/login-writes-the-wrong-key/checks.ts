import { defineChecks } from 'signed-in/checks'
import { currentUserChecks } from '../_shared/current-user'

export default defineChecks(
  currentUserChecks(
    'Which keys does the session hold, and which one does the manager read the id from?',
  ),
)
