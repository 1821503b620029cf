/**
 * Where a chat app installed in several workspaces keeps each workspace's credentials (the
 * "Add to Slack" OAuth flow). One row per platform and workspace; a workspace never reads another's.
 * Tokens are stored as given (the database is the secret store) and never logged.
 */
import type { Platform } from '../model.js';

/** One installation of the app, as the platform's OAuth exchange returned it. */
export interface StoredInstallation {
  platform: Platform;
  /** The workspace the app was installed in; for an organisation-wide install, the organisation's id. */
  workspace: string;
  /** The organisation the workspace belongs to, when there is one. */
  enterpriseId?: string;
  /** Installed for a whole organisation rather than one workspace. */
  orgWide: boolean;
  teamName?: string;
  enterpriseName?: string;
  appId?: string;
  botToken: string;
  botId?: string;
  botUserId: string;
  botScopes: string[];
  /** Only with token rotation: the refresh token and when the bot token expires (Unix seconds). */
  botRefreshToken?: string;
  botTokenExpiresAt?: number;
  /** The user who installed the app. */
  installerUserId?: string;
  /** ISO 8601; when this installation was last saved. */
  installedAt: string;
}

export interface InstallationRecordStore {
  /** Saves an installation, replacing the workspace's earlier one (a reinstall or a refreshed token). */
  saveInstallation(record: StoredInstallation): Promise<void>;
  getInstallation(platform: Platform, workspace: string): Promise<StoredInstallation | undefined>;
  /** Forgets the workspace's installation; true when there was one. */
  deleteInstallation(platform: Platform, workspace: string): Promise<boolean>;
}
