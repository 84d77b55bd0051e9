/*
 * The error banner: the latest failure of a load or an action, kept until the source that failed works again
 * or it is dismissed.
 */
import { AdminError } from './api.js';
import { $ } from './dom.js';

/** What put the banner up ('health', 'log', 'action'…), undefined while it is down. */
let bannerSource;

export function report(source, error) {
  bannerSource = source;
  $('banner-text').textContent = error instanceof AdminError ? error.message : `console error: ${error}`;
  $('banner').hidden = false;
}

/** A source that works again takes its own error away (a mock that came back, a token now given). */
export function settle(source) {
  if (bannerSource !== source) return;
  bannerSource = undefined;
  $('banner').hidden = true;
}

export function dismiss() {
  bannerSource = undefined;
  $('banner').hidden = true;
}

/** Runs one load or action; its failure goes to the banner, never silently. */
export async function attempt(source, action) {
  try {
    const result = await action();
    settle(source);
    return result;
  } catch (error) {
    report(source, error);
    return undefined;
  }
}
