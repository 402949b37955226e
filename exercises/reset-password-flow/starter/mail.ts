// Sending mail, as this exercise does it. A real app hands messages to a mail server (SMTP, or
// a provider's HTTP API): a network round trip that takes a noticeable time. Here the "server" is
// an outbox you can read at GET /dev/outbox, like the mail catchers (Mailpit, MailHog) that
// developers run instead of sending real mail.

export interface Mail {
  to: string
  subject: string
  text: string
}

/** Everything sent so far, oldest first; `sentBy` says whether a request waited for it. */
export const outbox: Array<Mail & { sentBy: 'request' | 'queue' }> = []

const queue: Array<() => Promise<void>> = []
let workerRunning = false

/** Send a message now. The code that calls it waits for the mail server. */
export async function sendMail(mail: Mail): Promise<void> {
  outbox.push({ ...mail, sentBy: workerRunning ? 'queue' : 'request' })
}

/**
 * Run `job` later, outside the request: the answer goes back at once and the job waits in the
 * queue. In production a separate worker process takes jobs from a queue (a database table, Redis);
 * here POST /dev/run-queue plays that worker.
 */
export function enqueue(job: () => Promise<void>): void {
  queue.push(job)
}

/** The worker: run every job waiting, oldest first. Returns what the jobs sent, and threw. */
export async function runQueue(): Promise<{ ran: number; sent: Mail[]; errors: string[] }> {
  const errors: string[] = []
  const before = outbox.length
  let ran = 0
  workerRunning = true
  try {
    for (let job = queue.shift(); job; job = queue.shift()) {
      ran += 1
      try {
        await job()
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error))
      }
    }
  } finally {
    workerRunning = false
  }
  return { ran, sent: outbox.slice(before), errors }
}
