import { axeSetups, sweepWithAxe } from './axe-sweep'

// A theme the learner chose against the system's; the system's own are in axe-system-theme.test.ts.
sweepWithAxe(axeSetups.chosenAgainstTheSystem)
