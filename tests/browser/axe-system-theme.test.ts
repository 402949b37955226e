import { axeSetups, sweepWithAxe } from './axe-sweep'

// Light and dark as the system asks for them; the chosen themes are in axe-chosen-theme.test.ts.
sweepWithAxe(axeSetups.fromTheSystem)
