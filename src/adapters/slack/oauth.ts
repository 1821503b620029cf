/**
 * "Add to Slack" for several workspaces, with Bolt's built-in OAuth (@slack/oauth's InstallProvider
 * inside the HTTPReceiver): GET /slack/install sets a state cookie and redirects to Slack's authorize
 * page for the manifest's bot scopes; GET /slack/oauth_redirect checks the state, exchanges the code
 * (oauth.v2.access) and stores the installation in our Store. Bolt's authorize() then gives every
 * request its workspace's bot token; post() (scheduled digests) asks the same authorize().
 * Uninstalling the app or revoking its bot token deletes the installation.
 */
import type { App, HTTPReceiver, HTTPReceiverOptions, InstallationStore, webApi } from '@slack/bolt';
import { NewsbriefError } from '../../core/errors.js';
import type { Logger } from '../../core/platform.js';
import type { InstallationRecordStore } from '../../core/store/installation-store.js';
import { installationKey } from './installations.js';
import { SLACK_BOT_SCOPES } from './limits.js';

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

/** What OAuth mode needs; src/config maps SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET onto it. */
export interface SlackOAuthConfig {
  /** "Client ID" from the app's "Basic Information" page. */
  clientId: string;
  /** "Client Secret" from the same page. */
  clientSecret: string;
  /** Any long random string; signs the state parameter that ties the redirect to the browser that started it. */
  stateSecret: string;
  /** Where installations are kept (newsbrief's Store). */
  installations: InstallationRecordStore;
  /** Slack's authorize page. Default `https://slack.com/oauth/v2/authorize` (tests point it elsewhere). */
  authorizationUrl?: string;
}

type ClientOptions = NonNullable<NonNullable<HTTPReceiverOptions['installerOptions']>['clientOptions']>;

/** The HTTPReceiver options that switch on /slack/install and /slack/oauth_redirect. */
export function oauthReceiverOptions(oauth: SlackOAuthConfig, store: InstallationStore, clientOptions: ClientOptions): Partial<HTTPReceiverOptions> {
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    scopes: [...SLACK_BOT_SCOPES],
    installationStore: store,
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      // Straight to Slack's authorize page: an "Add to Slack" link needs no landing page of ours.
      directInstall: true,
      // oauth.v2.access and auth.test during the exchange go to the same Web API as everything else.
      clientOptions,
      ...(oauth.authorizationUrl ? { authorizationUrl: oauth.authorizationUrl } : {}),
    },
  };
}

/** Deletes a workspace's installation when the app is uninstalled or its bot token revoked (bolt-python does the same). */
export function registerUninstallHandlers(app: App, store: InstallationStore, logger: Logger): void {
  const forget = async (context: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }, why: string) => {
    const query = { teamId: context.teamId, enterpriseId: context.enterpriseId, isEnterpriseInstall: context.isEnterpriseInstall === true };
    await store.deleteInstallation?.(query as Parameters<NonNullable<InstallationStore['deleteInstallation']>>[0]);
    logger.info('slack: installation deleted', { workspace: installationKey(query), why });
  };
  app.event('app_uninstalled', async ({ context }) => forget(context, 'app_uninstalled'));
  app.event('tokens_revoked', async ({ event, context }) => {
    // Only the bot token matters: newsbrief holds no user tokens.
    if ((event.tokens.bot ?? []).length > 0) await forget(context, 'tokens_revoked');
  });
}

/** A Web API client per installed workspace, for calls made outside a request (scheduled digests). */
export type WorkspaceClients = (workspace: string) => Promise<webApi.WebClient>;

const CLIENTS_KEPT = 500;

/**
 * Clients for post(): the installation's bot token through the same authorize() Bolt uses for
 * requests (which refreshes a rotating token), one pooled client per token.
 * @throws NewsbriefError FORBIDDEN when the workspace has no installation (never installed, or uninstalled)
 */
export function createWorkspaceClients(
  receiver: HTTPReceiver,
  installations: InstallationRecordStore,
  makeClient: (token: string) => webApi.WebClient,
): WorkspaceClients {
  const clients = new Map<string, webApi.WebClient>();
  return async (workspace) => {
    const installer = receiver.installer;
    const record = await installations.getInstallation('slack', workspace);
    if (!installer || !record) {
      throw new NewsbriefError('FORBIDDEN', `newsbrief is not installed in Slack workspace ${workspace}; add it again from ${INSTALL_PATH}.`);
    }
    const auth = await installer.authorize({
      teamId: record.orgWide ? undefined : record.workspace,
      enterpriseId: record.enterpriseId,
      isEnterpriseInstall: record.orgWide,
    } as Parameters<typeof installer.authorize>[0]);
    const token = auth.botToken ?? record.botToken;
    let client = clients.get(token);
    if (!client) {
      if (clients.size >= CLIENTS_KEPT) clients.delete(clients.keys().next().value!);
      client = makeClient(token);
      clients.set(token, client);
    }
    return client;
  };
}
