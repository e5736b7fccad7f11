/**
 * The few words the background says itself: the hint's button labels and the storage notices. Verdicts,
 * findings and fixes come from the rule engine's messages module; these are not about rules.
 */
import { resolveLocale, type SupportedLocale } from '../rules/index.ts';
import type { StoredNotice } from './storage/schemas.ts';

interface Labels {
  /** `{code}` */
  readonly copy: string;
  readonly copied: string;
  readonly dismiss: string;
  /** `{dropped}`, `{kept}` */
  readonly historyDropped: string;
  readonly myCodesDropped: string;
  readonly settingsReset: string;
  readonly feedCacheDropped: string;
  /** `{error}` */
  readonly writeFailed: string;
  readonly newerVersion: string;
}

const LABELS: Readonly<Record<SupportedLocale, Labels>> = {
  en: {
    copy: 'Copy {code}',
    copied: 'Copied {code}',
    dismiss: 'Dismiss',
    historyDropped:
      '{dropped} saved record(s) of used codes could not be read and were removed; {kept} kept.',
    myCodesDropped: '{dropped} of your own codes could not be read and were removed; {kept} kept.',
    settingsReset: 'Your settings could not be read and were reset: check the feed URL.',
    feedCacheDropped: 'The saved code feed could not be read; it will be downloaded again.',
    writeFailed: 'Could not save to browser storage ({error}). Your last change may be lost.',
    newerVersion: 'Your data was saved by a newer version of Promo Code Doctor; some of it may not show.',
  },
  es: {
    copy: 'Copiar {code}',
    copied: '{code} copiado',
    dismiss: 'Cerrar',
    historyDropped:
      'No se pudieron leer {dropped} registro(s) de códigos usados y se eliminaron; se conservan {kept}.',
    myCodesDropped: 'No se pudieron leer {dropped} de tus códigos y se eliminaron; se conservan {kept}.',
    settingsReset: 'No se pudo leer tu configuración y se restableció: revisa la URL del feed.',
    feedCacheDropped: 'No se pudo leer la copia guardada del feed de códigos; se descargará de nuevo.',
    writeFailed:
      'No se pudo guardar en el almacenamiento del navegador ({error}). Tu último cambio puede haberse perdido.',
    newerVersion:
      'Tus datos los guardó una versión más reciente de Promo Code Doctor; puede que no se muestre todo.',
  },
  fr: {
    copy: 'Copier {code}',
    copied: '{code} copié',
    dismiss: 'Fermer',
    historyDropped:
      '{dropped} enregistrement(s) de codes utilisés illisible(s) supprimé(s) ; {kept} conservé(s).',
    myCodesDropped: '{dropped} de vos codes illisible(s) supprimé(s) ; {kept} conservé(s).',
    settingsReset: 'Vos réglages étaient illisibles et ont été réinitialisés : vérifiez l’URL du flux.',
    feedCacheDropped:
      'La copie enregistrée du flux de codes était illisible ; elle sera téléchargée à nouveau.',
    writeFailed:
      'Impossible d’enregistrer dans le stockage du navigateur ({error}). Votre dernière modification est peut-être perdue.',
    newerVersion:
      'Vos données ont été enregistrées par une version plus récente de Promo Code Doctor ; une partie peut ne pas s’afficher.',
  },
  'pt-BR': {
    copy: 'Copiar {code}',
    copied: '{code} copiado',
    dismiss: 'Fechar',
    historyDropped:
      '{dropped} registro(s) de cupons usados não puderam ser lidos e foram removidos; {kept} mantido(s).',
    myCodesDropped: '{dropped} dos seus cupons não puderam ser lidos e foram removidos; {kept} mantido(s).',
    settingsReset: 'Suas configurações não puderam ser lidas e foram redefinidas: confira a URL do feed.',
    feedCacheDropped: 'A cópia salva do feed de cupons não pôde ser lida; ela será baixada de novo.',
    writeFailed:
      'Não foi possível salvar no armazenamento do navegador ({error}). Sua última alteração pode ter se perdido.',
    newerVersion:
      'Seus dados foram salvos por uma versão mais nova do Promo Code Doctor; parte deles pode não aparecer.',
  },
  de: {
    copy: '{code} kopieren',
    copied: '{code} kopiert',
    dismiss: 'Schließen',
    historyDropped:
      '{dropped} gespeicherte(r) Eintrag/Einträge benutzter Codes war(en) unlesbar und wurde(n) entfernt; {kept} behalten.',
    myCodesDropped: '{dropped} deiner eigenen Codes war(en) unlesbar und wurde(n) entfernt; {kept} behalten.',
    settingsReset: 'Deine Einstellungen waren unlesbar und wurden zurückgesetzt: prüfe die Feed-URL.',
    feedCacheDropped: 'Die gespeicherte Kopie des Code-Feeds war unlesbar; sie wird neu geladen.',
    writeFailed:
      'Speichern im Browser-Speicher fehlgeschlagen ({error}). Deine letzte Änderung ist eventuell verloren.',
    newerVersion:
      'Deine Daten wurden von einer neueren Version von Promo Code Doctor gespeichert; manches wird eventuell nicht angezeigt.',
  },
};

function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

export interface UiLabels {
  copy(code: string): string;
  copied(code: string): string;
  readonly dismiss: string;
  notice(notice: StoredNotice): string;
}

export function uiLabels(language: string): UiLabels {
  const labels = LABELS[resolveLocale(language)];
  return {
    copy: (code) => fill(labels.copy, { code }),
    copied: (code) => fill(labels.copied, { code }),
    dismiss: labels.dismiss,
    notice(notice) {
      switch (notice.kind) {
        case 'write-failed':
          return fill(labels.writeFailed, { error: notice.error });
        case 'newer-version':
          return labels.newerVersion;
        case 'dropped':
          switch (notice.key) {
            case 'history':
              return fill(labels.historyDropped, notice);
            case 'myCodes':
              return fill(labels.myCodesDropped, notice);
            case 'settings':
              return labels.settingsReset;
            default:
              return labels.feedCacheDropped;
          }
      }
    },
  };
}

/** For the meta-test: every locale words every label. */
export const UI_LABEL_LOCALES = LABELS;
