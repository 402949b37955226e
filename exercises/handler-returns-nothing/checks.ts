import { defineChecks } from 'signed-in/checks'
import { afterLoginChecks } from '../_shared/after-login'

export default defineChecks(afterLoginChecks())
