/** French. Missing keys fall back to English. */
import type { PartialLocaleMessages } from './en.ts';

export const fr: PartialLocaleMessages = {
  checkNames: {
    'min-spend': 'Montant minimum',
    expiry: 'Validité',
    'region-lock': 'Région',
    'ineligible-items': 'Articles exclus',
    'already-used': 'Déjà utilisé',
    'exact-code': 'Code exact',
    'wrong-page': 'Page de paiement',
    platform: 'Site ou appli',
    'one-code-per-order': 'Un code par commande',
    'first-order': 'Première commande uniquement',
    'app-only': 'Appli uniquement',
    'lower-tier': 'Palier inférieur',
  },
  summaries: {
    'min-spend.met': 'Il faut {required} hors livraison ; vos articles font {actual}.',
    'min-spend.below': 'Il faut {required} hors livraison ; vos articles font {actual}.',
    'min-spend.fx-uncertain':
      'Il faut {required} (environ {requiredConverted}) ; vos articles font {actual}, trop proche pour trancher avec les taux de change du {rateDate} (±{uncertaintyPercent} %).',
    'min-spend.no-rate':
      'Il faut {required}, et aucun taux de change de {fromCurrency} vers {toCurrency} ne permet de comparer avec vos {actual}.',
    'min-spend.unreadable': 'Impossible de lire le sous-total de vos articles ({reason}).',
    'expiry.valid': 'Valable jusqu’au {endsAt}.',
    'expiry.expiring-soon': 'Expire le {endsAt}, dans {endsIn}.',
    'expiry.not-started': 'Commence le {startsAt}, dans {startsIn}.',
    'expiry.expired': 'A expiré le {endedAt}.',
    'region-lock.global': 'Fonctionne dans toutes les régions.',
    'region-lock.match': 'Réservé à : {allowed} ; votre compte et votre adresse de livraison correspondent.',
    'region-lock.ship-to-outside': 'Réservé à : {allowed} ; votre commande est livrée en {shipTo}.',
    'region-lock.account-outside': 'Réservé à : {allowed} ; votre compte est réglé sur {account}.',
    'region-lock.ship-to-unknown':
      'Réservé à : {allowed}, et impossible de lire le pays de livraison ({reason}).',
    'region-lock.account-unknown':
      'Réservé à : {allowed}. Votre commande est livrée en {shipTo}, mais le pays de votre compte est illisible.',
    'ineligible-items.no-exclusions': 'Aucune boutique, aucun produit ni aucune catégorie exclus.',
    'ineligible-items.none-excluded': 'Aucun de vos articles n’est exclu.',
    'ineligible-items.rejected': 'Non valable avec : {lines}.',
    'ineligible-items.eligible-below':
      'Ne comptent pas pour le minimum : {lines}. Le reste fait {eligibleSubtotal}, moins que {required}.',
    'ineligible-items.not-counted':
      'Ne comptent pas pour le minimum : {lines}. Le reste, {eligibleSubtotal}, atteint {required}.',
    'ineligible-items.eligible-uncertain':
      'Ne comptent pas pour le minimum : {lines}. Impossible de savoir si le reste l’atteint.',
    'ineligible-items.lines-unknown':
      'Impossible de vérifier vos articles par rapport aux exclusions du code ({reason}).',
    'already-used.unlimited': 'Utilisable sur chaque commande.',
    'already-used.not-used': 'Ce compte ne l’a pas utilisé, d’après ce que cet appareil a vu.',
    'already-used.used': 'Ce compte l’a déjà utilisé le {usedAt}.',
    'already-used.account-unknown':
      'Impossible de savoir quel compte est connecté, donc de vérifier s’il a déjà été utilisé.',
    'exact-code.exact': 'Saisi exactement comme {code}.',
    'exact-code.mistyped': 'Vous avez saisi {typed}, le code est {code} ({problems}).',
    'exact-code.not-in-catalog': '{typed} ne figure dans aucune de nos listes de codes.',
    'exact-code.empty': 'Aucun code saisi.',
    'wrong-page.checkout': 'Saisi sur la page de paiement.',
    'wrong-page.cart': 'Le champ de code qui compte est sur la page de paiement, pas dans le panier.',
    'wrong-page.other': 'Ce n’est pas la page de paiement.',
    'platform.desktop': 'Sur le site pour ordinateur.',
    'platform.mobile-web': 'Certains codes se comportent mal sur le site mobile.',
    'one-code-per-order.none-applied': 'Aucun autre code n’est appliqué.',
    'one-code-per-order.this-code-applied': 'Ce code est déjà appliqué.',
    'one-code-per-order.another-applied':
      '{applied} est déjà appliqué, et un seul code est accepté par commande.',
    'one-code-per-order.unidentified-applied': 'Un code promo est déjà appliqué ; impossible de voir lequel.',
    'one-code-per-order.unreadable': 'Impossible de voir si un autre code est appliqué ({reason}).',
    'first-order.not-required': 'Pas limité à une première commande.',
    'first-order.has-ordered': 'Première commande uniquement, et ce compte a commandé le {lastOrderAt}.',
    'first-order.maybe-ordered':
      'Première commande uniquement. Une commande a été enregistrée le {lastOrderAt}, peut-être de ce compte.',
    'first-order.first-order-only': 'Réservé à la première commande d’un compte.',
    'app-only.any-platform': 'Fonctionne sur le site.',
    'app-only.app-only': 'Fonctionne uniquement dans l’appli AliExpress.',
    'lower-tier.not-needed': 'Le minimum est atteint ; pas besoin d’un code inférieur.',
    'lower-tier.lower-fits': 'Un code inférieur convient à ce panier dès maintenant.',
    'lower-tier.none-fits': 'Aucun code inférieur ne convient à ce panier pour l’instant.',
  },
  fixes: {
    'min-spend.below': 'Ajoutez {shortfall} d’articles éligibles pour franchir le seuil.',
    'min-spend.fx-uncertain':
      'Ajoutez un peu plus par sécurité, ou passez AliExpress en {fromCurrency} pour comparer exactement.',
    'min-spend.no-rate': 'Passez AliExpress en {fromCurrency}, ou actualisez la liste des codes.',
    'min-spend.unreadable': 'Attendez l’affichage du récapitulatif de commande, puis vérifiez à nouveau.',
    'expiry.expiring-soon': 'Passez la commande avant l’expiration.',
    'expiry.not-started': 'Attendez qu’il commence, ou utilisez un code valable maintenant.',
    'expiry.expired': 'Utilisez un code en cours de validité.',
    'region-lock.ship-to-outside':
      'Utilisez un code mondial, ou un compte réglé sur {allowed} avec une adresse de livraison dans ce pays.',
    'region-lock.account-outside':
      'Vérifiez la région du compte : Compte → Paramètres → Pays/Région. Utilisez une adresse de livraison dans le même pays, puis actualisez le panier. Ou utilisez un code mondial.',
    'region-lock.ship-to-unknown': 'Vérifiez l’adresse de livraison sur la page de paiement.',
    'region-lock.account-unknown':
      'Vérifiez Compte → Paramètres → Pays/Région : il doit aussi être {allowed}. Si vous le changez, actualisez le panier.',
    'ineligible-items.rejected':
      'Retirez ces articles ou commandez-les séparément, puis appliquez à nouveau le code.',
    'ineligible-items.eligible-below':
      'Ajoutez {shortfall} d’articles éligibles, ou commandez les articles exclus séparément.',
    'ineligible-items.eligible-uncertain': 'Commandez les articles exclus séparément pour être sûr.',
    'ineligible-items.lines-unknown': 'Attendez l’affichage de vos articles, puis vérifiez à nouveau.',
    'already-used.used': 'Choisissez un autre code. Un coupon vendeur et les pièces restent cumulables.',
    'already-used.account-unknown': 'Connectez-vous à AliExpress, puis vérifiez à nouveau.',
    'exact-code.mistyped': 'Collez, ne retapez pas : utilisez le bouton Copier pour un code exact.',
    'exact-code.not-in-catalog':
      'Vérifiez sa provenance, ou ajoutez-le avec ses conditions pour que nous puissions le vérifier.',
    'exact-code.empty': 'Collez le code dans le champ de code promo.',
    'wrong-page.cart': 'Cliquez sur Commander et appliquez le code sur l’écran de paiement final.',
    'wrong-page.other': 'Allez au paiement et appliquez le code sur l’écran de paiement final.',
    'platform.mobile-web': 'Utilisez l’appli officielle AliExpress pour cette commande.',
    'one-code-per-order.another-applied': 'Retirez d’abord {applied} si ce code fait économiser davantage.',
    'one-code-per-order.unidentified-applied':
      'S’il s’agit d’un autre code, retirez-le d’abord : un seul code par commande.',
    'first-order.has-ordered': 'Utilisez un code ouvert à tous les acheteurs.',
    'first-order.maybe-ordered':
      'Si ce compte a déjà commandé, utilisez un code ouvert à tous les acheteurs.',
    'first-order.first-order-only': 'Si ce compte a déjà commandé, le code sera refusé.',
    'app-only.app-only': 'Passez cette commande dans l’appli AliExpress.',
  },
  suggestions: {
    'min-spend': 'Ou utilisez {code}, qui convient à ce panier dès maintenant.',
    expiry: 'Utilisez plutôt {code} : il est valable et convient à ce panier.',
    'region-lock': 'Ou utilisez {code}, valable dans toutes les régions.',
    'ineligible-items': 'Ou utilisez {code}, qui convient à ce panier tel quel.',
    'already-used': '{code} convient à ce panier dès maintenant.',
    'exact-code': 'Le code exact est {code}.',
    'lower-tier': 'Utilisez {code}, qui convient à ce panier dès maintenant.',
    default: 'Essayez {code}.',
  },
  problems: {
    whitespace: 'des espaces en trop',
    invisible: 'des caractères invisibles',
    case: 'des minuscules',
    lookalike: 'un caractère ressemblant : 0/O, 1/I/l, 5/S ou 8/B',
  },
  verdicts: {
    'will-apply': '{code} devrait s’appliquer à cette commande.',
    'will-be-rejected': '{code} sera refusé : {check}.',
    'unknown-code': '{code} ne figure dans aucune de nos listes de codes.',
    'cannot-read-page': 'Impossible de lire cette page pour l’instant.',
    unsure: '{code} risque de ne pas s’appliquer : certains points n’ont pas pu être vérifiés.',
  },
  terms: {
    withMinimum: '{discount} de réduction dès {minSpend}',
    noMinimum: '{discount} de réduction, sans minimum',
    percentWithCap: '{percent} (jusqu’à {cap})',
    codeWithTerms: '{code} ({terms})',
    unlock: 'ajoutez {shortfall} pour le débloquer',
    saving: 'économie de {saving}',
    example: 'exemple',
  },
  fields: {
    page: 'Page',
    currency: 'Devise',
    'amounts.itemsSubtotal': 'Sous-total des articles',
    'amounts.storeDiscounts': 'Remises et coupons boutique',
    'region.shipTo': 'Pays de livraison',
    'region.account': 'Pays du compte',
    lines: 'Articles',
    accountId: 'Compte',
    'promo.enteredCode': 'Code promo',
  },
  unreadableLine: '{field} : {reason}',
};
