// Route-level code splitting: a page's code is fetched the first time the page is shown, so the
// login form and the TKSK's task list do not wait for the dashboard's charts or the screens few
// roles open. react-admin's Layout wraps every page in a Suspense whose fallback is its Loading
// ("Memuat"), so a lazy page needs nothing more.
import { lazy, type FunctionComponent } from 'react';

/** A page: react-admin renders it with no props of ours. */
type Page = FunctionComponent<object>;

/** A named export of a module, loaded on first render. */
export function lazyPage<K extends string>(load: () => Promise<Record<K, Page>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
