import { defineChecks } from 'signed-in/checks'
import { currentUserChecks } from '../_shared/current-user'

export default defineChecks(
  currentUserChecks(
    'The id is in the session, yet the user is anonymous: the loader was asked and said null.',
  ),
)
