/** `application/json; charset=utf-8` -> `application/json`; absent or empty -> undefined. */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0].trim().toLowerCase() || undefined;
}

/** JSON and its structured-syntax suffix (`application/problem+json`). */
export function isJsonMediaType(mediaType: string | undefined): boolean {
  return mediaType !== undefined && (mediaType === 'application/json' || mediaType.endsWith('+json'));
}
