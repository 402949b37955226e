import { atom, computed, type ReadableAtom } from 'nanostores'
import { shapeResult, type PagefindResultData, type SearchHit } from '../search/results'

/** The part of Pagefind's browser API the store uses. @example const api: PagefindApi = await import('/pagefind/pagefind.js') */
export interface PagefindApi {
  init?(): Promise<void>
  debouncedSearch(
    query: string,
    options?: object,
    timeout?: number,
  ): Promise<{ results: Array<{ data(): Promise<PagefindResultData> }> } | null>
}

/** Where a search stands. @example const state: SearchState = { status: 'idle', query: '', hits: [], message: '' } */
export interface SearchState {
  status: 'idle' | 'loading' | 'ready' | 'error'
  query: string
  hits: SearchHit[]
  /** What to announce: how many results, none, or what went wrong. */
  message: string
}

/** A search's state and actions. @example const store: SearchStore = createSearchStore(load) */
export interface SearchStore {
  $state: ReadableAtom<SearchState>
  /** Search for `query` (an empty query clears); later calls supersede earlier ones. */
  search(query: string): Promise<void>
}

/** How many pages a search shows. */
const MAX_HITS = 8

/**
 * Make a search store over a lazily loaded Pagefind. Nothing loads until the first search.
 *
 * @param load - loads Pagefind's browser API (the site imports `/pagefind/pagefind.js`)
 * @param debounceMs - how long typing must pause before searching
 * @returns the store
 * @example
 * const store = createSearchStore(() => import('/pagefind/pagefind.js'))
 * await store.search('cookie')
 * store.$state.get().hits[0]?.title
 */
export function createSearchStore(load: () => Promise<PagefindApi>, debounceMs = 120): SearchStore {
  const $state = atom<SearchState>({ status: 'idle', query: '', hits: [], message: '' })
  let api: Promise<PagefindApi> | undefined
  let latest = 0
  const ready = () => {
    api ??= load().then(async (loaded) => {
      await loaded.init?.()
      return loaded
    })
    return api
  }
  return {
    $state: computed($state, (value) => value),
    async search(query) {
      const id = ++latest
      const trimmed = query.trim()
      if (trimmed === '') {
        $state.set({ status: 'idle', query, hits: [], message: '' })
        return
      }
      $state.set({ ...$state.get(), status: 'loading', query })
      try {
        const pagefind = await ready()
        const found = await pagefind.debouncedSearch(trimmed, {}, debounceMs)
        if (found === null || id !== latest) return
        const hits = (
          await Promise.all(found.results.slice(0, MAX_HITS).map((result) => result.data()))
        ).map((data) => shapeResult(data))
        if (id !== latest) return
        const message =
          hits.length === 0
            ? `No results for “${trimmed}”.`
            : `${found.results.length} ${found.results.length === 1 ? 'page matches' : 'pages match'}.`
        $state.set({ status: 'ready', query, hits, message })
      } catch {
        api = undefined
        if (id !== latest) return
        $state.set({
          status: 'error',
          query,
          hits: [],
          message:
            'Search could not load. The index is built by npm run build; offline, visit the site once online first.',
        })
      }
    },
  }
}
