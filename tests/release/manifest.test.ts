/**
 * What the extension asks the shopper's browser for. The inline snapshots make any widening (a new
 * permission, a broader match, a looser CSP) a visible diff in review; update them only on purpose.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import sourceManifest from '../../manifest.json' with { type: 'json' };
import packageJson from '../../package.json' with { type: 'json' };
import {
  chromeManifest,
  firefoxManifest,
  parseBuildTarget,
  type ExtensionManifest,
} from '../../scripts/manifests.ts';

/** The grants a store reviewer and the install prompt show. */
function grants(manifest: ExtensionManifest) {
  return {
    permissions: manifest.permissions,
    host_permissions: manifest.host_permissions,
    optional_permissions: manifest.optional_permissions,
    optional_host_permissions: manifest.optional_host_permissions,
    content_script_matches: manifest.content_scripts?.map((script) => script.matches),
    content_security_policy: manifest.content_security_policy,
    web_accessible_resources: manifest.web_accessible_resources,
  };
}

/** Every URL pattern the manifest names, for the broad-access checks below. */
function allPatterns(manifest: ExtensionManifest): string[] {
  return [
    ...(manifest.host_permissions ?? []),
    ...(manifest.optional_host_permissions ?? []),
    ...(manifest.content_scripts ?? []).flatMap((script) => script.matches),
  ];
}

const shipped = { chrome: chromeManifest(), firefox: firefoxManifest() };

describe('shipped manifest grants', () => {
  it('Chrome/Edge: storage, alarms, scripting and cookies on AliExpress only; the content script on its cart, checkout and order pages only', () => {
    expect(grants(shipped.chrome)).toMatchInlineSnapshot(`
      {
        "content_script_matches": [
          [
            "https://*.aliexpress.com/p/shoppingcart/*",
            "https://*.aliexpress.com/p/trade/confirm.html*",
            "https://*.aliexpress.com/p/second-payment/pay-result.html*",
            "https://*.aliexpress.us/p/shoppingcart/*",
            "https://*.aliexpress.us/p/trade/confirm.html*",
            "https://*.aliexpress.us/p/second-payment/pay-result.html*",
          ],
        ],
        "content_security_policy": {
          "extension_pages": "script-src 'self'; object-src 'self'",
        },
        "host_permissions": [
          "https://*.aliexpress.com/*",
          "https://*.aliexpress.us/*",
        ],
        "optional_host_permissions": undefined,
        "optional_permissions": undefined,
        "permissions": [
          "storage",
          "alarms",
          "scripting",
          "cookies",
        ],
        "web_accessible_resources": undefined,
      }
    `);
  });

  it('Firefox: the same grants as Chrome', () => {
    expect(grants(shipped.firefox)).toEqual(grants(shipped.chrome));
  });

  it.each(Object.entries(shipped))(
    '%s: no access to any site but AliExpress, no tab list, nothing web-accessible',
    (_, manifest) => {
      const broad = ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*'];
      expect(allPatterns(manifest).filter((pattern) => broad.includes(pattern))).toEqual([]);
      expect(manifest.permissions ?? []).not.toContain('tabs');
      // `scripting` and `cookies` reach only the hosts granted here: AliExpress's storefronts (issue 8: the
      // background reads the tab and the region cookie, so the page's main thread does not).
      for (const pattern of manifest.host_permissions ?? [])
        expect(pattern).toMatch(/^https:\/\/\*\.aliexpress\.(com|us)\/\*$/);
      expect(manifest.web_accessible_resources).toBeUndefined();
      // The content script reads AliExpress pages only (a feed host, if ever granted, shows in the snapshot).
      for (const script of manifest.content_scripts ?? []) {
        for (const pattern of script.matches)
          expect(pattern).toMatch(/^https:\/\/\*\.aliexpress\.(com|us)\//);
      }
    },
  );

  it.each(Object.entries(shipped))(
    '%s: extension pages run only their own packaged scripts',
    (_, manifest) => {
      const scriptSrc = manifest.content_security_policy?.extension_pages
        ?.split(';')
        .map((directive) => directive.trim())
        .find((directive) => directive.startsWith('script-src'));
      expect(scriptSrc).toBe("script-src 'self'");
    },
  );
});

describe('Firefox manifest', () => {
  it('runs the same background entry as an event page, since Firefox has no extension service workers', () => {
    expect(shipped.chrome.background).toEqual({ service_worker: 'src/background/index.ts', type: 'module' });
    expect(shipped.firefox.background).toEqual({ scripts: ['src/background/index.ts'], type: 'module' });
  });

  it('carries the gecko id and data-collection declaration AMO requires of new add-ons', () => {
    expect(shipped.firefox.browser_specific_settings).toMatchInlineSnapshot(`
      {
        "gecko": {
          "data_collection_permissions": {
            "required": [
              "none",
            ],
          },
          "id": "promo-code-doctor@promocodedoctor.org",
          "strict_min_version": "142.0",
        },
      }
    `);
  });

  it('leaves out keys only Chromium reads', () => {
    expect(shipped.firefox).not.toHaveProperty('minimum_chrome_version');
    expect(shipped.firefox).not.toHaveProperty('externally_connectable');
    expect(shipped.chrome).not.toHaveProperty('browser_specific_settings');
  });
});

describe('release version', () => {
  it('both stores get the version in package.json', () => {
    expect(shipped.chrome.version).toBe(packageJson.version);
    expect(shipped.firefox.version).toBe(packageJson.version);
  });

  it('the build stamps the release version over a stale source manifest', () => {
    const stale = { ...(sourceManifest as ExtensionManifest), version: '0.0.1' };
    expect(chromeManifest(stale, '1.2.3').version).toBe('1.2.3');
    expect(firefoxManifest(stale, '1.2.3').version).toBe('1.2.3');
  });

  it('manifest.json is kept at the release version too, so it does not mislead a reader', () => {
    expect(sourceManifest.version).toBe(packageJson.version);
  });

  it('is a version both stores accept: up to four dot-separated integers', () => {
    expect(packageJson.version).toMatch(/^\d+(\.\d+){0,3}$/);
  });
});

describe('icons', () => {
  /** Width and height from a PNG's IHDR chunk. */
  function pngSize(path: string): [number, number] {
    const png = readFileSync(path);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    return [png.readUInt32BE(16), png.readUInt32BE(20)];
  }

  const declared = Object.entries({
    ...(shipped.chrome['icons'] as Record<string, string>),
    ...((shipped.chrome['action'] as { default_icon: Record<string, string> }).default_icon ?? {}),
  });

  it('declares the toolbar, extensions-page and store sizes', () => {
    expect(Object.keys(shipped.chrome['icons'] as object)).toEqual(['16', '32', '48', '128']);
  });

  it.each(declared)('the %s px icon exists in public/ at that size', (size, path) => {
    expect(pngSize(`public/${path}`)).toEqual([Number(size), Number(size)]);
  });
});

describe('build target', () => {
  it('defaults to Chrome and rejects a typo instead of silently building Chrome', () => {
    expect(parseBuildTarget(undefined)).toBe('chrome');
    expect(parseBuildTarget('firefox')).toBe('firefox');
    expect(() => parseBuildTarget('firefix')).toThrow(/TARGET/);
  });
});
