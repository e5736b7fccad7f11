/**
 * The shipped manifests, derived from the one source `manifest.json`. Pure: vite.config.ts builds with these
 * and tests/release/manifest.test.ts snapshots them, so the test sees exactly what the stores will get
 * without running a build.
 */
import sourceManifest from '../manifest.json' with { type: 'json' };
import packageJson from '../package.json' with { type: 'json' };

export type BuildTarget = 'chrome' | 'firefox';

/** The fields this project's manifests use; anything else in manifest.json passes through untouched. */
export interface ExtensionManifest {
  manifest_version: number;
  name: string;
  version: string;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  content_scripts?: { matches: string[]; js?: string[]; css?: string[]; run_at?: string }[];
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  web_accessible_resources?: unknown[];
  browser_specific_settings?: {
    gecko: {
      id: string;
      strict_min_version: string;
      data_collection_permissions: { required: string[]; optional?: string[] };
    };
  };
  [key: string]: unknown;
}

/** Stable across releases: AMO ties the listing, updates and the shopper's stored data to it. */
export const FIREFOX_ADDON_ID = 'promo-code-doctor@promocodedoctor.org';

/**
 * 142 is the first Firefox that understands `data_collection_permissions`, which AMO requires of new add-ons
 * since November 2025.
 */
export const FIREFOX_MIN_VERSION = '142.0';

/** Chrome, Edge and other Chromium browsers: the source manifest with the release version stamped in. */
export function chromeManifest(
  source: ExtensionManifest = sourceManifest,
  version: string = packageJson.version,
): ExtensionManifest {
  return { ...structuredClone(source), version };
}

/**
 * Firefox: an event page (`background.scripts`) instead of a service worker, which crxjs cannot build for
 * Firefox, plus the gecko settings AMO requires.
 */
export function firefoxManifest(
  source: ExtensionManifest = sourceManifest,
  version: string = packageJson.version,
): ExtensionManifest {
  // minimum_chrome_version and externally_connectable are read by Chromium only; Firefox's linter flags them.
  const {
    background,
    minimum_chrome_version: _chromeOnlyMinimum,
    externally_connectable: _chromeOnlyExternal,
    ...rest
  } = chromeManifest(source, version);
  const backgroundScript = background?.service_worker ?? background?.scripts?.[0];
  return {
    ...rest,
    ...(backgroundScript === undefined
      ? {}
      : {
          background: { scripts: [backgroundScript], ...(background?.type ? { type: background.type } : {}) },
        }),
    browser_specific_settings: {
      gecko: {
        id: FIREFOX_ADDON_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        // Nothing about the shopper is collected or transmitted: see PRIVACY.md.
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}

export function manifestFor(target: BuildTarget): ExtensionManifest {
  return target === 'firefox' ? firefoxManifest() : chromeManifest();
}

export function parseBuildTarget(value: string | undefined): BuildTarget {
  if (value === undefined || value === '' || value === 'chrome') return 'chrome';
  if (value === 'firefox') return 'firefox';
  throw new Error(`TARGET must be "chrome" or "firefox", not "${value}"`);
}
