import { Hono } from 'hono'
import { describe, expectTypeOf, it } from 'vitest'
import { currentUser, LoginManager, loginRequired, loginUser, type LoginVariables } from './index'
import { AnonymousUser, UserMixin } from './users'

class User extends UserMixin {
  constructor(
    public override id: string,
    public name: string,
    public role: 'admin' | 'member',
  ) {
    super()
  }
}

describe('types', () => {
  it('types c.var.currentUser inside loginRequired() routes through the Variables generic', () => {
    const app = new Hono<{ Variables: LoginVariables<User> }>()
    app.get('/account', loginRequired<User>(), (c) => {
      expectTypeOf(c.var.currentUser).toEqualTypeOf<User>()
      expectTypeOf(c.var.currentUser.role).toEqualTypeOf<'admin' | 'member'>()
      return c.text(c.var.currentUser.name)
    })
  })

  it('types c.var.currentUser from the manager alone, without an app generic', () => {
    const manager = new LoginManager<User>()
    const app = new Hono()
    app.get('/account', manager.loginRequired(), (c) => {
      expectTypeOf(c.var.currentUser).toEqualTypeOf<User>()
      return c.text(c.var.currentUser.name)
    })
  })

  it('currentUser(c) may be anonymous, and the loader must return the manager user or null', () => {
    const manager = new LoginManager<User>()
    manager.userLoader(async (id) => {
      expectTypeOf(id).toEqualTypeOf<string>()
      return null
    })
    const app = new Hono()
    app.get('/', async (c) => {
      expectTypeOf(await currentUser<User>(c)).toEqualTypeOf<User | AnonymousUser>()
      return c.text('ok')
    })
  })

  it('getId() is a string for users and null only for the anonymous user', () => {
    expectTypeOf(new User('1', 'Ada', 'admin').getId()).toEqualTypeOf<string>()
    expectTypeOf(new AnonymousUser().getId()).toEqualTypeOf<null>()
    const app = new Hono()
    app.get('/', async (c) => {
      expectTypeOf((await currentUser<User>(c)).getId()).toEqualTypeOf<string | null>()
      return c.text('ok')
    })
  })

  it('an anonymous user cannot be logged in', () => {
    const app = new Hono()
    app.post('/login', async (c) => {
      // @ts-expect-error AnonymousUser is not a UserMixin: it has no id to store.
      await loginUser(c, new AnonymousUser())
      return c.text('ok')
    })
  })
})
