/**
 * The signing secret: 32 random bytes as 64 hex characters, made with `openssl rand -hex 32`.
 * A real app reads it from the environment (`process.env.SESSION_SECRET`), never from its code.
 */
export const SECRET = '1650fbe58c67bee734af05491cf96cd9ea4f791ddeaf2b42d10105960298b0c4'
