/** German. Missing keys fall back to English. */
import type { PartialLocaleMessages } from './en.ts';

export const de: PartialLocaleMessages = {
  checkNames: {
    'min-spend': 'Mindestbestellwert',
    expiry: 'Gültigkeit',
    'region-lock': 'Region',
    'ineligible-items': 'Ausgeschlossene Artikel',
    'already-used': 'Bereits verwendet',
    'exact-code': 'Genauer Code',
    'wrong-page': 'Bezahlseite',
    platform: 'Website oder App',
    'one-code-per-order': 'Ein Code pro Bestellung',
    'first-order': 'Nur Erstbestellung',
    'app-only': 'Nur in der App',
    'lower-tier': 'Niedrigere Stufe',
  },
  summaries: {
    'min-spend.met': 'Braucht {required} ohne Versand; deine Artikel ergeben {actual}.',
    'min-spend.below': 'Braucht {required} ohne Versand; deine Artikel ergeben {actual}.',
    'min-spend.fx-uncertain':
      'Braucht {required} (etwa {requiredConverted}); deine Artikel ergeben {actual}, zu knapp für eine Aussage mit den Wechselkursen vom {rateDate} (±{uncertaintyPercent} %).',
    'min-spend.no-rate':
      'Braucht {required}, und es gibt keinen Wechselkurs von {fromCurrency} zu {toCurrency} für den Vergleich mit deinen {actual}.',
    'min-spend.unreadable': 'Die Zwischensumme deiner Artikel war nicht lesbar ({reason}).',
    'expiry.valid': 'Gültig bis {endsAt}.',
    'expiry.expiring-soon': 'Läuft ab am {endsAt}, in {endsIn}.',
    'expiry.not-started': 'Beginnt am {startsAt}, in {startsIn}.',
    'expiry.expired': 'Abgelaufen am {endedAt}.',
    'region-lock.global': 'Gilt in allen Regionen.',
    'region-lock.match': 'Nur für {allowed}; dein Konto und deine Lieferadresse passen.',
    'region-lock.ship-to-outside': 'Nur für {allowed}; deine Bestellung geht nach {shipTo}.',
    'region-lock.account-outside': 'Nur für {allowed}; dein Konto ist auf {account} eingestellt.',
    'region-lock.ship-to-unknown': 'Nur für {allowed}, und das Lieferland war nicht lesbar ({reason}).',
    'region-lock.account-unknown':
      'Nur für {allowed}. Deine Bestellung geht nach {shipTo}, aber das Land deines Kontos war nicht lesbar.',
    'ineligible-items.no-exclusions': 'Keine Shops, Produkte oder Kategorien ausgeschlossen.',
    'ineligible-items.none-excluded': 'Keiner deiner Artikel ist ausgeschlossen.',
    'ineligible-items.rejected': 'Nicht gültig mit: {lines}.',
    'ineligible-items.eligible-below':
      'Zählen nicht zum Mindestbestellwert: {lines}. Der Rest ergibt {eligibleSubtotal}, weniger als {required}.',
    'ineligible-items.not-counted':
      'Zählen nicht zum Mindestbestellwert: {lines}. Der Rest, {eligibleSubtotal}, erreicht trotzdem {required}.',
    'ineligible-items.eligible-uncertain':
      'Zählen nicht zum Mindestbestellwert: {lines}. Ob der Rest ihn erreicht, ist unklar.',
    'ineligible-items.lines-unknown':
      'Deine Artikel ließen sich nicht mit den Ausschlüssen des Codes abgleichen ({reason}).',
    'already-used.unlimited': 'Bei jeder Bestellung verwendbar.',
    'already-used.not-used': 'Dieses Konto hat ihn nicht verwendet, soweit dieses Gerät es gesehen hat.',
    'already-used.used': 'Dieses Konto hat ihn bereits am {usedAt} verwendet.',
    'already-used.account-unknown':
      'Unklar, welches Konto angemeldet ist, daher lässt sich nicht prüfen, ob er schon verwendet wurde.',
    'exact-code.exact': 'Genau als {code} eingegeben.',
    'exact-code.mistyped': 'Du hast {typed} eingegeben, der Code lautet {code} ({problems}).',
    'exact-code.not-in-catalog': '{typed} steht in keiner unserer Code-Listen.',
    'exact-code.empty': 'Kein Code eingegeben.',
    'wrong-page.checkout': 'Auf der Bezahlseite eingegeben.',
    'wrong-page.cart': 'Das maßgebliche Code-Feld ist auf der Bezahlseite, nicht im Warenkorb.',
    'wrong-page.other': 'Dies ist nicht die Bezahlseite.',
    'platform.desktop': 'Auf der Desktop-Website.',
    'platform.mobile-web': 'Manche Codes verhalten sich auf der mobilen Website unzuverlässig.',
    'one-code-per-order.none-applied': 'Kein anderer Code angewendet.',
    'one-code-per-order.this-code-applied': 'Dieser Code ist bereits angewendet.',
    'one-code-per-order.another-applied':
      '{applied} ist bereits angewendet, und pro Bestellung gilt nur ein Code.',
    'one-code-per-order.unidentified-applied':
      'Ein Aktionscode ist bereits angewendet; welcher, war nicht zu sehen.',
    'one-code-per-order.unreadable': 'Nicht erkennbar, ob ein anderer Code angewendet ist ({reason}).',
    'first-order.not-required': 'Nicht auf die Erstbestellung beschränkt.',
    'first-order.has-ordered': 'Nur für die Erstbestellung, und dieses Konto hat am {lastOrderAt} bestellt.',
    'first-order.maybe-ordered':
      'Nur für die Erstbestellung. Am {lastOrderAt} wurde eine Bestellung erfasst, vielleicht von diesem Konto.',
    'first-order.first-order-only': 'Nur für die erste Bestellung eines Kontos.',
    'app-only.any-platform': 'Gilt auf der Website.',
    'app-only.app-only': 'Gilt nur in der AliExpress-App.',
    'lower-tier.not-needed': 'Der Mindestbestellwert ist erreicht; kein niedrigerer Code nötig.',
    'lower-tier.lower-fits': 'Ein niedrigerer Code passt jetzt zu diesem Warenkorb.',
    'lower-tier.none-fits': 'Kein niedrigerer Code passt gerade zu diesem Warenkorb.',
  },
  fixes: {
    'min-spend.below': 'Füge {shortfall} an berechtigten Artikeln hinzu, um die Schwelle zu erreichen.',
    'min-spend.fx-uncertain':
      'Füge sicherheitshalber etwas mehr hinzu, oder stelle AliExpress auf {fromCurrency} um, um genau zu vergleichen.',
    'min-spend.no-rate': 'Stelle AliExpress auf {fromCurrency} um, oder aktualisiere die Code-Liste.',
    'min-spend.unreadable': 'Warte, bis die Bestellübersicht erscheint, und prüfe dann erneut.',
    'expiry.expiring-soon': 'Bestelle, bevor er abläuft.',
    'expiry.not-started': 'Warte, bis er beginnt, oder nutze einen jetzt gültigen Code.',
    'expiry.expired': 'Nutze einen Code, der gerade gültig ist.',
    'region-lock.ship-to-outside':
      'Nutze einen globalen Code, oder ein Konto in {allowed} mit einer Lieferadresse dort.',
    'region-lock.account-outside':
      'Prüfe die Region deines Kontos: Konto → Einstellungen → Land/Region. Nutze eine Lieferadresse im selben Land und lade den Warenkorb neu. Oder nutze einen globalen Code.',
    'region-lock.ship-to-unknown': 'Prüfe die Lieferadresse auf der Bezahlseite.',
    'region-lock.account-unknown':
      'Prüfe Konto → Einstellungen → Land/Region: Es muss ebenfalls {allowed} sein. Wenn du es änderst, lade den Warenkorb neu.',
    'ineligible-items.rejected':
      'Entferne diese Artikel oder bestelle sie separat, dann wende den Code erneut an.',
    'ineligible-items.eligible-below':
      'Füge {shortfall} an berechtigten Artikeln hinzu, oder bestelle die ausgeschlossenen separat.',
    'ineligible-items.eligible-uncertain': 'Bestelle die ausgeschlossenen Artikel sicherheitshalber separat.',
    'ineligible-items.lines-unknown': 'Warte, bis deine Artikel angezeigt werden, und prüfe dann erneut.',
    'already-used.used':
      'Wähle einen anderen Code. Ein Verkäufer-Coupon und Münzen lassen sich weiterhin kombinieren.',
    'already-used.account-unknown': 'Melde dich bei AliExpress an und prüfe dann erneut.',
    'exact-code.mistyped':
      'Einfügen statt abtippen: Nutze die Schaltfläche Kopieren, damit der Code exakt ist.',
    'exact-code.not-in-catalog':
      'Prüfe, woher er stammt, oder füge ihn mit seinen Bedingungen hinzu, damit wir ihn prüfen können.',
    'exact-code.empty': 'Füge den Code in das Aktionscode-Feld ein.',
    'wrong-page.cart': 'Klicke auf Zur Kasse und wende den Code auf der letzten Bezahlseite an.',
    'wrong-page.other': 'Gehe zur Kasse und wende den Code auf der letzten Bezahlseite an.',
    'platform.mobile-web': 'Nutze für diese Bestellung die offizielle AliExpress-App.',
    'one-code-per-order.another-applied': 'Entferne zuerst {applied}, falls dieser Code mehr spart.',
    'one-code-per-order.unidentified-applied':
      'Falls es ein anderer Code ist, entferne ihn zuerst: pro Bestellung gilt nur ein Code.',
    'first-order.has-ordered': 'Nutze einen Code, der allen Kunden offensteht.',
    'first-order.maybe-ordered':
      'Falls dieses Konto schon bestellt hat, nutze einen Code, der allen Kunden offensteht.',
    'first-order.first-order-only': 'Falls dieses Konto schon bestellt hat, wird der Code abgelehnt.',
    'app-only.app-only': 'Gib diese Bestellung in der AliExpress-App auf.',
  },
  suggestions: {
    'min-spend': 'Oder nutze {code}, der jetzt zu diesem Warenkorb passt.',
    expiry: 'Nutze stattdessen {code}: Er ist gültig und passt zu diesem Warenkorb.',
    'region-lock': 'Oder nutze {code}, der in allen Regionen gilt.',
    'ineligible-items': 'Oder nutze {code}, der zu diesem Warenkorb passt, so wie er ist.',
    'already-used': '{code} passt jetzt zu diesem Warenkorb.',
    'exact-code': 'Der genaue Code lautet {code}.',
    'lower-tier': 'Nutze {code}, der jetzt zu diesem Warenkorb passt.',
    default: 'Versuche {code}.',
  },
  problems: {
    whitespace: 'überzählige Leerzeichen',
    invisible: 'unsichtbare Zeichen',
    case: 'Kleinbuchstaben',
    lookalike: 'ein ähnlich aussehendes Zeichen: 0/O, 1/I/l, 5/S oder 8/B',
  },
  verdicts: {
    'will-apply': '{code} sollte für diese Bestellung gelten.',
    'will-be-rejected': '{code} wird abgelehnt: {check}.',
    'unknown-code': '{code} steht in keiner unserer Code-Listen.',
    'cannot-read-page': 'Diese Seite ist noch nicht lesbar.',
    unsure: '{code} gilt vielleicht nicht: Nicht alles ließ sich prüfen.',
  },
  terms: {
    withMinimum: '{discount} Rabatt ab {minSpend}',
    noMinimum: '{discount} Rabatt, ohne Mindestbestellwert',
    percentWithCap: '{percent} (bis zu {cap})',
    codeWithTerms: '{code} ({terms})',
    unlock: 'füge {shortfall} hinzu, um ihn freizuschalten',
    saving: 'spart {saving}',
    example: 'Beispiel',
  },
  fields: {
    page: 'Seite',
    currency: 'Währung',
    'amounts.itemsSubtotal': 'Zwischensumme der Artikel',
    'amounts.storeDiscounts': 'Shop-Rabatte und Coupons',
    'region.shipTo': 'Lieferland',
    'region.account': 'Land des Kontos',
    lines: 'Artikel',
    accountId: 'Konto',
    'promo.enteredCode': 'Aktionscode',
  },
  unreadableLine: '{field}: {reason}',
};
