// Greedy up to the last '@': an unencoded '@' or '/' inside a password must not leave
// its tail on show. Over-redacting an odd URL is the safe side to err on.
const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)(.*)@/i;
const SECRET_QUERY = /([?&](?:password|pass|pwd|token|secret)=)[^&#]*/gi;

/**
 * A URL safe to print: the password (or a lone userinfo, which Redis URLs often
 * use as the password) and secret-looking query parameters become `***`.
 */
export function redactUrl(url: string): string {
  return url
    .replace(USERINFO, (_match, scheme: string, userinfo: string) => {
      const colon = userinfo.indexOf(':');
      const shown = colon === -1 ? '***' : `${userinfo.slice(0, colon)}:***`;
      return `${scheme}${shown}@`;
    })
    .replace(SECRET_QUERY, '$1***');
}

/** The secret parts of a URL, raw and percent-decoded, so messages can be scrubbed. */
function secretsOf(url: string): string[] {
  const secrets: string[] = [];
  const userinfo = USERINFO.exec(url)?.[2];
  if (userinfo !== undefined) {
    const colon = userinfo.indexOf(':');
    secrets.push(colon === -1 ? userinfo : userinfo.slice(colon + 1));
  }
  for (const match of url.matchAll(SECRET_QUERY)) {
    secrets.push(match[0].slice(match[1]?.length ?? 0));
  }
  const withDecoded = secrets.flatMap((secret) => {
    try {
      return [secret, decodeURIComponent(secret)];
    } catch {
      return [secret];
    }
  });
  return [...new Set(withDecoded)].filter((secret) => secret.length > 0);
}

/**
 * Removes every trace of url's secrets from text, for messages that quote the URL
 * or come from a client library that might echo its connection options.
 */
export function redactSecrets(text: string, url: string): string {
  let result = text.split(url).join(redactUrl(url));
  for (const secret of secretsOf(url)) result = result.split(secret).join('***');
  return result;
}
