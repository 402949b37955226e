import { defineChecks } from 'signed-in/checks'
import { currentUserChecks } from '../_shared/current-user'

export default defineChecks(
  currentUserChecks(
    'The error names what the manager is missing. Where in app.ts would it be handed over?',
  ),
)
