/**
 * What the story files share: the mocked feeds the states are shown with, and inline data.
 *
 * Storybook keeps every story file it has loaded in one page, so the files must not each replace
 * the feed fetch: they add their routes (path → answer) to one table, and one fetch serves them
 * all; any other URL is fetched as usual.
 */
import { unsafeStatic } from 'lit/static-html.js';
import { setFeedFetch } from '../src/feed/index.js';

export type Route = () => Promise<Response>;

const routes = new Map<string, Route>();
let installed = false;

/** Adds `table`'s routes (absolute paths such as `/story-feeds/error`) to the mocked feeds. */
export function mockFeeds(table: Record<string, Route>): void {
  for (const [path, route] of Object.entries(table)) routes.set(path, route);
  if (installed) return;
  installed = true;
  setFeedFetch((url, init) => {
    const route = routes.get(new URL(url, location.href).pathname);
    return route ? route() : fetch(url, init);
  });
}

/** A JSON response. */
export const json = (body: unknown): Response =>
  new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });

/**
 * The routes of the failure and empty states under `base`: `loading` (never answers), `error`
 * (503), `html` (a web page instead of a feed) and `empty` (answers `empty`, JSON).
 */
export const stateRoutes = (base: string, empty: unknown): Record<string, Route> => ({
  [`${base}/loading`]: () => new Promise<Response>(() => {}),
  [`${base}/error`]: async () => new Response('', { status: 503 }),
  [`${base}/html`]: async () =>
    new Response('<!doctype html><title>Not found</title>', {
      headers: { 'Content-Type': 'text/html' },
    }),
  [`${base}/empty`]: async () => json(empty),
});

/**
 * Inline data as a webmaster writes it: a child `<script type="application/json">`. Lit allows
 * no bindings inside `<script>`, so the JSON goes into the template as static text.
 */
export const inline = (data: unknown) =>
  unsafeStatic(
    `<script type="application/json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`,
  );
