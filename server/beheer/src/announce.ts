/**
 * One polite live region for the whole console: "Opgeslagen", "Vraag 2 staat nu op plaats 1".
 * Created on first use, so an element works the same inside the app and alone in a test.
 */
const ID = 'beheer-announcer';

export function announce(message: string): void {
  let region = document.getElementById(ID);
  if (!region) {
    region = document.createElement('div');
    region.id = ID;
    region.className = 'visually-hidden';
    region.setAttribute('role', 'status');
    document.body.append(region);
  }
  // Emptied first, so the same message said twice is heard twice.
  region.textContent = '';
  const target = region;
  setTimeout(() => (target.textContent = message), 50);
}
