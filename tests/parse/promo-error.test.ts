/**
 * No verbatim AliExpress rejection text is public except one Russian message (aliexpress-facts.md section 7).
 * Every other row below is a REALISTIC PHRASING WRITTEN FOR THESE TESTS, not a captured AliExpress string.
 */
import { describe, expect, it } from 'vitest';
import { classifyPromoError } from '../../src/shared/page-model/parse/promo-error.ts';
import { PROMO_ERROR_KINDS, type PromoErrorKind } from '../../src/rules/schemas/snapshot.ts';

const ROWS: ReadonlyArray<readonly [PromoErrorKind, string, string]> = [
  // The one real AliExpress string (aliexpress.ru, via ali-shop.net).
  ['invalid', 'ru', 'Проверьте правильность ввода кода'],

  ['expired', 'en', 'This promo code has expired.'],
  ['expired', 'en', 'Sorry, this promotion has ended'],
  ['expired', 'es', 'Este código promocional ha caducado'],
  ['expired', 'fr', 'Ce code promo a expiré.'],
  ['expired', 'pt', 'Este código expirou'],
  ['expired', 'de', 'Dieser Gutscheincode ist abgelaufen.'],
  ['expired', 'ru', 'Срок действия промокода истёк'],
  ['expired', 'it', 'Il codice promozionale è scaduto'],
  ['expired', 'pl', 'Kod promocyjny wygasł'],

  ['not-started', 'en', "This code isn't valid yet. The promotion starts on Nov 11."],
  ['not-started', 'es', 'La promoción aún no ha comenzado'],
  ['not-started', 'fr', "Ce code n'est pas encore valable"],
  ['not-started', 'pt', 'Esta promoção ainda não começou'],
  ['not-started', 'de', 'Die Aktion hat noch nicht begonnen'],
  ['not-started', 'ru', 'Акция ещё не началась'],
  ['not-started', 'it', 'Il codice non è ancora valido'],
  ['not-started', 'pl', 'Promocja jeszcze się nie rozpoczęła'],

  ['min-spend', 'en', 'Spend US $3.20 more to use this code'],
  ['min-spend', 'en', 'Your order does not reach the minimum amount of US $20.00'],
  ['min-spend', 'es', 'El pedido no alcanza el importe mínimo'],
  ['min-spend', 'fr', "Le montant minimum d'achat n'est pas atteint"],
  ['min-spend', 'pt', 'O valor mínimo do pedido não foi atingido'],
  ['min-spend', 'de', 'Der Mindestbestellwert wurde nicht erreicht'],
  ['min-spend', 'ru', 'Минимальная сумма заказа для этого промокода — 1500 ₽'],
  ['min-spend', 'it', "Non hai raggiunto la spesa minima per l'ordine"],
  ['min-spend', 'pl', 'Minimalna wartość zamówienia nie została osiągnięta'],

  ['region', 'en', 'This code is not available in your country/region'],
  ['region', 'en', 'This code is only for orders with a shipping address in the United States'],
  ['region', 'es', 'Este código no está disponible en tu país'],
  ['region', 'fr', "Ce code n'est pas disponible dans votre pays"],
  ['region', 'pt', 'Este código não está disponível no seu país'],
  ['region', 'de', 'Dieser Code ist in Ihrem Land nicht verfügbar'],
  ['region', 'ru', 'Промокод недоступен в вашей стране'],
  ['region', 'it', 'Questo codice non è disponibile nel tuo paese'],
  ['region', 'pl', 'Ten kod nie jest dostępny w Twoim kraju'],

  ['ineligible-items', 'en', 'This code is not applicable to the items in your cart'],
  ['ineligible-items', 'es', 'Este código no se aplica a estos productos'],
  ['ineligible-items', 'fr', "Ce code ne s'applique pas à ces articles"],
  ['ineligible-items', 'pt', 'Este cupom não se aplica a esses itens'],
  ['ineligible-items', 'de', 'Dieser Code gilt nicht für diese Artikel'],
  ['ineligible-items', 'ru', 'Промокод не распространяется на эти товары'],
  ['ineligible-items', 'it', 'Il codice non si applica a questi articoli'],
  ['ineligible-items', 'pl', 'Kod nie dotyczy tych produktów'],

  ['already-used', 'en', 'You have already used this code'],
  ['already-used', 'es', 'Este código ya ha sido utilizado'],
  ['already-used', 'fr', 'Ce code a déjà été utilisé'],
  ['already-used', 'pt', 'Este código já foi usado'],
  ['already-used', 'de', 'Dieser Code wurde bereits verwendet'],
  ['already-used', 'ru', 'Этот промокод уже использован'],
  ['already-used', 'it', 'Questo codice è già stato utilizzato'],
  ['already-used', 'pl', 'Ten kod został już wykorzystany'],

  ['first-order-only', 'en', 'This code is for new users only (first order)'],
  ['first-order-only', 'es', 'Válido solo para el primer pedido'],
  ['first-order-only', 'fr', 'Code réservé à la première commande'],
  ['first-order-only', 'pt', 'Válido apenas para novos usuários'],
  ['first-order-only', 'de', 'Nur für Neukunden gültig'],
  ['first-order-only', 'ru', 'Промокод действует только для новых покупателей'],
  ['first-order-only', 'it', 'Valido solo sul primo ordine'],
  ['first-order-only', 'pl', 'Kod tylko dla nowych użytkowników'],

  ['app-only', 'en', 'This code can only be used in the AliExpress app'],
  ['app-only', 'es', 'Este código solo se puede usar en la app'],
  ['app-only', 'fr', "Ce code est utilisable uniquement dans l'application"],
  ['app-only', 'pt', 'Este código só pode ser usado no aplicativo'],
  ['app-only', 'de', 'Dieser Code ist nur in der App einlösbar'],
  ['app-only', 'ru', 'Промокод можно применить только в приложении'],
  ['app-only', 'it', "Codice valido solo nell'app"],
  ['app-only', 'pl', 'Kod działa tylko w aplikacji'],

  ['one-code-per-order', 'en', 'Only one promo code can be used per order'],
  ['one-code-per-order', 'es', 'Solo se puede usar un código por pedido'],
  ['one-code-per-order', 'fr', 'Un seul code promo par commande'],
  ['one-code-per-order', 'pt', 'Apenas um código por pedido'],
  ['one-code-per-order', 'de', 'Pro Bestellung kann nur ein Code verwendet werden'],
  ['one-code-per-order', 'ru', 'В заказе можно использовать только один промокод'],
  ['one-code-per-order', 'it', 'Puoi usare un solo codice per ordine'],
  ['one-code-per-order', 'pl', 'Można użyć tylko jeden kod na zamówienie'],

  ['invalid', 'en', 'Invalid promo code'],
  ['invalid', 'en', 'This code does not exist. Please check the code and try again.'],
  ['invalid', 'es', 'El código no es válido'],
  ['invalid', 'fr', 'Code promo invalide'],
  ['invalid', 'pt', 'Código inválido'],
  ['invalid', 'de', 'Ungültiger Gutscheincode'],
  ['invalid', 'ru', 'Неверный промокод'],
  ['invalid', 'it', 'Codice non valido'],
  ['invalid', 'pl', 'Nieprawidłowy kod'],

  ['other', 'en', 'Something went wrong. Please try again later.'],
  ['other', 'ru', 'Что-то пошло не так'],
  ['other', '-', ''],
];

describe('classifyPromoError', () => {
  it.each(ROWS)('%s (%s): %j', (kind, _language, text) => {
    expect(classifyPromoError(text)).toBe(kind);
  });

  it('has rows for every kind in at least six languages', () => {
    for (const kind of PROMO_ERROR_KINDS.filter((k) => k !== 'other')) {
      const languages = new Set(ROWS.filter(([k]) => k === kind).map(([, language]) => language));
      expect([...languages], kind).toEqual(expect.arrayContaining(['en', 'es', 'fr', 'pt', 'de', 'ru']));
    }
  });

  it('ignores case and accents', () => {
    expect(classifyPromoError('ESTE CÓDIGO HA CADUCADO')).toBe('expired');
    expect(classifyPromoError('este codigo ha caducado')).toBe('expired');
    expect(classifyPromoError('CE CODE A DEJA ETE UTILISE')).toBe('already-used');
  });

  it('picks the specific reason over the generic "invalid"', () => {
    expect(classifyPromoError('This code is not valid in your country')).toBe('region');
    expect(classifyPromoError('This code is not valid yet')).toBe('not-started');
    expect(classifyPromoError('Code is no longer valid')).toBe('expired');
  });

  it('does not read "app" inside other words', () => {
    expect(classifyPromoError('This code cannot be applied')).not.toBe('app-only');
  });

  it('stays fast and total on hostile text', () => {
    expect(classifyPromoError(`<img src=x onerror=alert(1)>${'a'.repeat(100_000)}`)).toBe('other');
  });
});
