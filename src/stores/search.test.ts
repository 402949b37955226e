import { describe, expect, it } from 'vitest'
import type { PagefindResultData } from '../search/results'
import { createSearchStore, type PagefindApi } from './search'

const page = (title: string): PagefindResultData => ({
  url: `/lessons/${title}/`,
  excerpt: title,
  meta: { title },
  sub_results: [],
})

function fakeIndex(pages: PagefindResultData[]) {
  let loads = 0
  const api: PagefindApi = {
    async debouncedSearch(query) {
      return {
        results: pages
          .filter((p) => p.excerpt.includes(query))
          .map((p) => ({ data: async () => p })),
      }
    },
  }
  return {
    load: async () => {
      loads++
      return api
    },
    loads: () => loads,
  }
}

describe('search store', () => {
  it('loads nothing until the first search, then loads once', async () => {
    const index = fakeIndex([page('cookies'), page('sessions')])
    const store = createSearchStore(index.load, 0)
    expect(index.loads()).toBe(0)
    await store.search('cookie')
    await store.search('session')
    expect(index.loads()).toBe(1)
    expect(store.$state.get().hits.map((h) => h.title)).toEqual(['sessions'])
    expect(store.$state.get().message).toBe('1 page matches.')
  })

  it('says so when nothing matches, and clears on an empty query', async () => {
    const store = createSearchStore(fakeIndex([page('cookies')]).load, 0)
    await store.search('zebra')
    expect(store.$state.get()).toMatchObject({
      status: 'ready',
      hits: [],
      message: 'No results for “zebra”.',
    })
    await store.search('  ')
    expect(store.$state.get().status).toBe('idle')
  })

  it('reports a failed load and tries again on the next search', async () => {
    let fail = true
    const store = createSearchStore(async () => {
      if (fail) throw new Error('offline')
      return fakeIndex([page('cookies')]).load()
    }, 0)
    await store.search('cookie')
    expect(store.$state.get().status).toBe('error')
    fail = false
    await store.search('cookie')
    expect(store.$state.get().hits).toHaveLength(1)
  })

  it('keeps only the latest query when an earlier one finishes last', async () => {
    let release: () => void = () => {}
    const slow = new Promise<void>((resolve) => (release = resolve))
    const api: PagefindApi = {
      async debouncedSearch(query) {
        if (query === 'slow') await slow
        return { results: [{ data: async () => page(query) }] }
      },
    }
    const store = createSearchStore(async () => api, 0)
    const first = store.search('slow')
    await store.search('fast')
    release()
    await first
    expect(store.$state.get().hits.map((h) => h.title)).toEqual(['fast'])
  })
})
