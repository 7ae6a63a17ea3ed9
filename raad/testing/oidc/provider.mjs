// A real OpenID Connect provider for the single sign-on tests (npm `oidc-provider`), on a loopback port.
//
//   node raad/testing/oidc/provider.mjs --port 0 --redirect-uri http://localhost:8081/konto/log-ind/kommune/retur/ \
//        --post-logout-uri http://localhost:8081/
//
// Prints one line `ready <issuer>` when it listens, then serves until it is terminated. One client:
// `raad-test` / `raad-test-secret`. Its sign-in page (/interaction/<uid>) asks only for an account name from
// ACCOUNTS below (fictional people); consent is given for the client automatically. The ID token carries the
// account's `amr` (and `acr`), as a municipal provider asserts how the person signed in. Logging out of Råd sends
// the person to its end_session_endpoint (RP-Initiated Logout): a page that asks, then back to --post-logout-uri.
import http from 'node:http';
import { parseArgs } from 'node:util';

import Provider from 'oidc-provider';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'redirect-uri': { type: 'string' },
    'post-logout-uri': { type: 'string' },
  },
});

// name → claims and how the person signed in. The e-mail addresses are the test cast's (raad/testing/cast.py).
// `sub` is the account name, except that Camilla is one person at the provider (one subject) whether she signs in
// with a second factor or without.
const ACCOUNTS = {
  ahmad: { email: 'ahmad@test.invalid', email_verified: true, name: 'Ahmad Rahimi', amr: ['pwd'] },
  'camilla-mfa': { sub: 'camilla', email: 'sekretariat@test.invalid', email_verified: true, name: 'Camilla Holt', amr: ['pwd', 'mfa'] },
  camilla: { sub: 'camilla', email: 'sekretariat@test.invalid', email_verified: true, name: 'Camilla Holt', amr: ['pwd'] },
  // Given the member's address after he left it (a reused address): another person, another subject.
  'ny-ahmad': { email: 'ahmad@test.invalid', email_verified: true, name: 'Ahmad Nielsen', amr: ['pwd'] },
  mariam: { email: 'mariam@test.invalid', email_verified: false, name: 'Mariam Khalil', amr: ['pwd'] },
  ukendt: { email: 'ukendt@test.invalid', email_verified: true, name: 'Ukendt Person', amr: ['pwd'] },
};

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(uid, error = '') {
  return `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Kommunens login (test)</title></head>
<body><main><h1>Kommunens login (test)</h1>${error ? `<p role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}">
<label for="login">Brugernavn</label> <input id="login" name="login" autocomplete="username">
<button type="submit">Log ind</button></form></main></body></html>`;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (chunk) => { data += chunk; });
    req.on('end', () => resolve(new URLSearchParams(data)));
    req.on('error', reject);
  });
}

const server = http.createServer();
server.listen(Number(args.port), '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [{
      client_id: 'raad-test',
      client_secret: 'raad-test-secret',
      redirect_uris: [args['redirect-uri']],
      post_logout_redirect_uris: args['post-logout-uri'] ? [args['post-logout-uri']] : [],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    }],
    claims: { openid: ['sub', 'acr', 'amr'], email: ['email', 'email_verified'], profile: ['name'] },
    scopes: ['openid', 'email', 'profile'],
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          ctx.body = `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Log af (test)</title></head>
<body><main><h1>Vil du også logge af kommunens login?</h1>${form}
<button type="submit" form="op.logoutForm" value="yes" name="logout">Ja, log af</button>
<button type="submit" form="op.logoutForm">Nej, forbliv logget ind</button></main></body></html>`;
        },
      },
    },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(ctx, id) {
      const account = ACCOUNTS[id];
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return { sub: account.sub || id, email: account.email, email_verified: account.email_verified, name: account.name };
        },
      };
    },
    async loadExistingGrant(ctx) {
      // A first-party client: consent to what it asks is given without a page.
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      grant.addOIDCClaims(['email', 'email_verified', 'name']);
      await grant.save();
      return grant;
    },
    cookies: { keys: ['raad-test-cookie-key'] },
    pkce: { required: () => false },
  });
  provider.proxy = false;
  const callback = provider.callback();

  server.on('request', async (req, res) => {
    const match = req.url.match(/^\/interaction\/([\w-]+)$/);
    if (!match) {
      callback(req, res);
      return;
    }
    try {
      const details = await provider.interactionDetails(req, res);
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(page(details.uid));
        return;
      }
      const login = (await readBody(req)).get('login') || '';
      const account = ACCOUNTS[login];
      if (!account) {
        res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page(details.uid, 'Ukendt brugernavn'));
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId: login, amr: account.amr } }, { mergeWithLastSubmission: false });
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });
  process.stdout.write(`ready ${issuer}\n`);
});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
