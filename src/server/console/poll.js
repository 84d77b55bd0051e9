/*
 * The poll loop: a round of refreshing every POLL_MS, one at a time, and at once after an action (kick).
 * What a round loads is main.js's to say; the parts of the page only kick it.
 */

const POLL_MS = 1000;

let round = async () => {};
let timer;
let running = false;
let again = false;

/** Sets what each round does. */
export function pollWith(load) {
  round = load;
}

async function tick() {
  running = true;
  clearTimeout(timer);
  try {
    await round();
  } finally {
    running = false;
    timer = setTimeout(tick, again ? 0 : POLL_MS);
    again = false;
  }
}

/** Refresh now (after an action), or right after the round under way. */
export function kick() {
  if (running) again = true;
  else tick();
}
