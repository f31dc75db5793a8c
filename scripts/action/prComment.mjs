#!/usr/bin/env node
// The comment step of action.yml: puts the Markdown of `rationale check --format markdown` on the
// pull request as ONE comment. The comment carries a hidden marker; a later run finds it and
// updates it instead of adding another.
//
//   node scripts/action/prComment.mjs <markdown-file>
//
// From the environment, as GitHub Actions sets it: GITHUB_TOKEN (the action's github-token input),
// GITHUB_API_URL, GITHUB_REPOSITORY (owner/name) and GITHUB_EVENT_PATH (the event, for the pull
// request's number). Exit codes: 0 comment created or updated; 1 GitHub refused or failed;
// 2 missing or bad input.
import { readFileSync } from 'node:fs';
import { commentMarker, findMarkedComment, githubApi } from './githubComments.mjs';

class InputError extends Error {}

function required(name) {
  const value = process.env[name];
  if (!value) throw new InputError(`${name} is not set (this script runs as a step of the Rationale action)`);
  return value;
}

/** The pull request's number from the event file (pull_request and pull_request_target events). */
function pullRequestNumber(eventPath) {
  let event;
  try {
    event = JSON.parse(readFileSync(eventPath, 'utf8'));
  } catch (e) {
    throw new InputError(`cannot read the event file ${eventPath}: ${e.message}`);
  }
  const number = event?.pull_request?.number;
  if (!Number.isInteger(number)) throw new InputError(`the event in ${eventPath} is not a pull request's (no pull_request.number); run the comment step on pull_request events`);
  return number;
}

function readBody(file) {
  if (!file) throw new InputError('usage: prComment.mjs <markdown-file>');
  try {
    return `${commentMarker}\n${readFileSync(file, 'utf8')}`;
  } catch (e) {
    throw new InputError(`cannot read the comment text ${file}: ${e.message}`);
  }
}

async function main(args) {
  const body = readBody(args[0]);
  const repository = required('GITHUB_REPOSITORY');
  if (!/^[\w.-]+\/[\w.-]+$/.test(repository)) throw new InputError(`GITHUB_REPOSITORY is "${repository}", not owner/name`);
  const number = pullRequestNumber(required('GITHUB_EVENT_PATH'));
  const api = githubApi(required('GITHUB_API_URL'), required('GITHUB_TOKEN'));
  const existing = await findMarkedComment(api, repository, number);
  if (existing) {
    const updated = await api('PATCH', `/repos/${repository}/issues/comments/${existing.id}`, { body });
    console.log(`rationale: updated comment ${updated.html_url ?? existing.id} on pull request #${number}`);
  } else {
    const created = await api('POST', `/repos/${repository}/issues/${number}/comments`, { body });
    console.log(`rationale: commented on pull request #${number}: ${created.html_url ?? created.id}`);
  }
}

main(process.argv.slice(2)).then(
  () => { process.exitCode = 0; },
  (err) => {
    // A workflow command, so the failure shows on the run's summary; its data is escaped as GitHub
    // documents (%, CR, LF).
    const message = String(err?.message ?? err).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    console.error(`::error title=Rationale comment::${message}`);
    process.exitCode = err instanceof InputError ? 2 : 1;
  },
);
