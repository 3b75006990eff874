/**
 * Where the console is: the part of the address after `#/`, so the server only has to serve one
 * page (/beheer/) and any link into the console can be bookmarked. A set-up link may also come as
 * /beheer/setup/<token> (the path the server prints).
 */
import type { FormType } from './model/forms.js';

export type FormView = 'bewerken' | 'delen' | 'resultaten';

export type Route =
  | { name: 'forms' }
  | { name: 'login' }
  | { name: 'setup'; token: string }
  | { name: 'new'; type: FormType }
  | { name: 'form'; id: string; view: FormView }
  | { name: 'networks' }
  | { name: 'users' }
  | { name: 'organisation' }
  | { name: 'audit' }
  | { name: 'mail' }
  | { name: 'not-found' };

const FORM_TYPES = new Set(['peiling', 'meedenksessie', 'ervaring']);
const VIEWS = new Set(['bewerken', 'delen', 'resultaten']);

export function parseRoute(hash: string, pathname = '/beheer/'): Route {
  const pathSetup = /^\/beheer\/setup\/([^/]+)\/?$/.exec(pathname);
  if (pathSetup && (hash === '' || hash === '#' || hash === '#/')) return { name: 'setup', token: decodeURIComponent(pathSetup[1]) };
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = parts;
  if (parts.length === 0 || (first === 'formulieren' && parts.length === 1)) return { name: 'forms' };
  if (first === 'inloggen' && parts.length === 1) return { name: 'login' };
  if (first === 'setup' && second && parts.length === 2) return { name: 'setup', token: second };
  if (first === 'formulieren' && second === 'nieuw' && third && FORM_TYPES.has(third) && parts.length === 3) return { name: 'new', type: third as FormType };
  if (first === 'formulieren' && second && second !== 'nieuw' && parts.length <= 3) {
    const view = (third ?? 'bewerken') as FormView;
    if (VIEWS.has(view)) return { name: 'form', id: second, view };
  }
  if (parts.length === 1 && first === 'netwerken') return { name: 'networks' };
  if (parts.length === 1 && first === 'gebruikers') return { name: 'users' };
  if (parts.length === 1 && first === 'organisatie') return { name: 'organisation' };
  if (parts.length === 1 && first === 'logboek') return { name: 'audit' };
  if (parts.length === 1 && first === 'e-mail') return { name: 'mail' };
  return { name: 'not-found' };
}

export function href(route: Route): string {
  switch (route.name) {
    case 'forms':
      return '#/formulieren';
    case 'login':
      return '#/inloggen';
    case 'setup':
      return `#/setup/${encodeURIComponent(route.token)}`;
    case 'new':
      return `#/formulieren/nieuw/${route.type}`;
    case 'form':
      return `#/formulieren/${encodeURIComponent(route.id)}${route.view === 'bewerken' ? '' : `/${route.view}`}`;
    case 'networks':
      return '#/netwerken';
    case 'users':
      return '#/gebruikers';
    case 'organisation':
      return '#/organisatie';
    case 'audit':
      return '#/logboek';
    case 'mail':
      return '#/e-mail';
    case 'not-found':
      return '#/';
  }
}

export function navigate(route: Route): void {
  location.hash = href(route);
}
