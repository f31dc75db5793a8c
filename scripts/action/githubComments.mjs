// The GitHub REST calls the comment step needs: one request helper that turns every answer outside
// 2xx into an error naming the call, and the search for the comment an earlier run left.

/** Hidden in the rendered comment; how a later run recognises the comment to update. */
export const commentMarker = '<!-- rationale:pull-request-comment -->';

const pageSize = 100;

/** What to do about a refusal, where the status says something the message may not. */
function hint(status) {
  if (status === 401) return ' The token was refused: pass secrets.GITHUB_TOKEN (or a token that is still valid) as github-token.';
  if (status === 403 || status === 404) return ' The token needs permissions: pull-requests: write. Pull requests from forks get a read-only token, so no comment can be written there.';
  return '';
}

/**
 * A function `(method, path, body?) → parsed JSON` for the API at `apiUrl`. Network failures and
 * non-2xx answers throw with the method, the path, the status and GitHub's own message.
 */
export function githubApi(apiUrl, token) {
  const base = apiUrl.replace(/\/+$/, '');
  return async (method, path, body) => {
    const headers = { accept: 'application/vnd.github+json', authorization: `Bearer ${token}`, 'user-agent': 'rationale-cli', 'x-github-api-version': '2022-11-28' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response;
    try {
      response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      throw new Error(`${method} ${base}${path} failed: ${e.cause?.message ?? e.message}`);
    }
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`GitHub answered ${method} ${path} with ${response.status} ${response.statusText}: ${messageOf(text)}.${hint(response.status)}`);
    }
    return text ? JSON.parse(text) : {};
  };
}

/** GitHub's `message` field when the answer is its JSON error shape, else the start of the text. */
function messageOf(text) {
  try {
    const parsed = JSON.parse(text);
    if (typeof parsed?.message === 'string') return parsed.message;
  } catch {
    // Not JSON (a proxy's HTML page, say): the raw text, shortened, is the best description.
  }
  return text.slice(0, 200) || '(no body)';
}

/** The first comment on the pull request carrying the marker, reading the comments a page at a time. */
export async function findMarkedComment(api, repository, number) {
  for (let page = 1; ; page++) {
    const comments = await api('GET', `/repos/${repository}/issues/${number}/comments?per_page=${pageSize}&page=${page}`);
    if (!Array.isArray(comments)) throw new Error(`GitHub answered the list of comments with something other than a list`);
    const marked = comments.find((c) => typeof c?.body === 'string' && c.body.includes(commentMarker));
    if (marked) return marked;
    if (comments.length < pageSize) return undefined;
  }
}
