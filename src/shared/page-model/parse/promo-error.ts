/**
 * Sorts the error AliExpress shows under the promo field (`div.promoErrorTip`) into a reason the checks
 * understand. No verbatim English AliExpress rejection text is public (aliexpress-facts.md section 7), so
 * the lists are phrases a shop writes for each reason, plus the one real Russian text. Matching ignores case
 * and accents; a keyword with a space at an end only matches at a word boundary there.
 */
import type { PromoErrorKind } from '../../../rules/schemas/snapshot.ts';

type Language = 'en' | 'es' | 'fr' | 'pt' | 'de' | 'ru' | 'it' | 'pl';
type Keywords = Record<Language, readonly string[]>;

/** Checked in this order, first match wins: the specific reasons before the generic "invalid". */
const KEYWORDS: ReadonlyArray<readonly [Exclude<PromoErrorKind, 'other'>, Keywords]> = [
  // Before "expired" and "invalid": "not valid yet" is neither. No bare "not yet": "minimum not yet reached".
  ['not-started', {
    en: ['not yet valid', 'not yet active', 'not yet started', 'not yet available', 'valid yet', 'active yet', 'not started', 'n t started', 'starts on', 'will start'],
    es: ['aun no ha comenzado', 'aun no ha empezado', 'aun no es valido', 'aun no esta activo', 'comenzara'],
    fr: ['pas encore valable', 'pas encore valide', 'pas encore commence', 'pas encore actif', 'commencera'],
    pt: ['ainda nao comecou', 'ainda nao e valido', 'ainda nao esta ativo', 'comecara'],
    de: ['noch nicht gultig', 'noch nicht aktiv', 'noch nicht begonnen', 'noch nicht gestartet', 'beginnt am'],
    ru: ['не начал', 'еще не действ', 'начнется'],
    it: ['ancora valido', 'ancora attivo', 'ancora iniziat', 'iniziera'],
    pl: ['nie jest jeszcze', 'jeszcze nie', 'jeszcze się nie', 'rozpocznie'],
  }],
  ['expired', {
    en: ['expir', 'has ended', 'no longer'],
    es: ['caduc', 'expir', 'vencid', 'finaliz', 'ya no es', 'ya no esta'],
    fr: ['expir', 'perime', 'n est plus', 'a pris fin'],
    pt: ['expir', 'vencid', 'encerrad', 'nao e mais', 'nao esta mais'],
    de: ['abgelaufen', 'nicht mehr', 'beendet', 'verfallen'],
    ru: ['истек', 'просроч', 'больше не', 'закончил', 'завершил'],
    it: ['scadut', 'piu valido', 'terminat'],
    pl: ['wygas', 'ważność', 'już nieważn', 'zakończ'],
  }],
  // Before "min-spend": "new users, orders over $10" is about the account first.
  ['first-order-only', {
    en: ['first order', 'first purchase', 'new user', 'new customer', 'new buyer'],
    es: ['primer pedido', 'primera compra', 'nuevos usuarios', 'nuevo usuario', 'nuevos clientes'],
    fr: ['premiere commande', 'premier achat', 'nouveaux utilisateurs', 'nouvel utilisateur', 'nouveaux clients'],
    pt: ['primeiro pedido', 'primeira compra', 'novos usuarios', 'novo usuario', 'novos clientes'],
    de: ['rste bestellung', 'erstbestellung', 'neukunden', 'neue nutzer', 'neuen nutzer'],
    ru: ['первого заказ', 'первый заказ', 'новых пользов', 'новым пользов', 'новых покупат', 'новым покупат'],
    it: ['primo ordine', 'primo acquisto', 'nuovi utenti', 'nuovi clienti'],
    pl: ['pierwsze zam', 'pierwszego zam', 'pierwszy zakup', 'nowych użytkown', 'nowych klient'],
  }],
  // " app " as a whole word: "applied" is not the app.
  ['app-only', {
    en: [' app '],
    es: [' app ', 'aplicacion'],
    fr: [' appli ', 'application'],
    pt: [' app ', 'aplicativo', 'aplicacao'],
    de: [' app '],
    ru: ['приложени'],
    it: [' app ', 'applicazione'],
    pl: ['aplikacj'],
  }],
  // Before "ineligible-items": "cannot be used in your country" names the region.
  ['region', {
    en: ['region', 'country', 'your location', 'shipping address', 'ship to'],
    es: ['pais', 'region', 'ubicacion', 'direccion de envio'],
    fr: ['pays', 'region', 'adresse de livraison'],
    pt: ['pais', 'regiao', 'localizacao', 'endereco de'],
    de: [' land ', 'landes', 'region', 'lieferadresse', 'standort'],
    ru: ['стране', 'страну', 'страны', 'регион', 'адрес доставки'],
    it: ['paese', 'regione', 'indirizzo di spedizione'],
    pl: ['kraj', 'region', 'adres dostawy'],
  }],
  // Before "already-used": "you already applied another code" is not this code being used up.
  ['one-code-per-order', {
    en: ['one code', 'one promo code', 'combined', 'another code', 'another promo', 'stack'],
    es: ['un codigo por', 'solo un codigo', 'combinar', 'acumulable', 'otro codigo'],
    fr: ['un seul code', 'un code par', 'cumulable', 'combine', 'autre code'],
    pt: ['um codigo', 'cumulativ', 'combinad', 'outro codigo'],
    de: ['ein code', 'einen code', 'kombinierbar', 'anderen code', 'anderer code'],
    ru: ['один промокод', 'один код', 'объедин', 'совмещ', 'не суммируется', 'другой промокод'],
    it: ['un codice per', 'un solo codice', 'cumulabil', 'altro codice'],
    pl: ['jeden kod', 'łącz', 'inny kod'],
  }],
  ['already-used', {
    en: ['already used', 'been used', 'redeemed', 'usage limit', 'once per'],
    es: ['ya ha sido', 'ya se ha', 'ya utilizado', 'ya usado', 'ya has', 'ya fue', 'canjeado'],
    fr: ['deja ete utilise', 'deja utilise', 'deja ete echange'],
    pt: ['ja foi', 'ja usado', 'ja utilizado', 'resgatado'],
    de: ['bereits', 'eingelost', 'schon verwendet'],
    ru: ['уже использ', 'уже был', 'уже активир'],
    it: ['gia stato', 'gia utilizzato', 'gia usato', 'riscattato'],
    pl: ['już wykorzyst', 'już uży', 'został już'],
  }],
  ['min-spend', {
    en: ['minim', 'min spend', 'min order', ' spend ', 'orders over', 'more to use', 'threshold'],
    es: ['minim', 'no alcanza', 'alcanzar'],
    fr: ['minim', 'seuil', 'atteint'],
    pt: ['minim', 'atingi'],
    de: ['mindest', 'nicht erreicht'],
    ru: ['минимальн', 'сумма заказа', 'от суммы', 'недостаточн'],
    it: ['minim', 'raggiung'],
    pl: ['minimaln', 'wartość zamówienia', 'nie osiąg'],
  }],
  ['ineligible-items', {
    en: ['applicable', 'eligible', 'exclud', 'not apply to', 'n t apply to', 'cannot be used for', 'these items', 'this item', 'this product', 'this store', 'in your cart'],
    es: ['aplica', 'elegible', 'excluid', 'estos articulos', 'estos productos'],
    fr: ['applicable', 's applique pas', 'eligible', 'exclu', 'ces articles', 'ces produits'],
    pt: ['se aplica', 'aplicavel', 'elegive', 'excluid', 'es itens', 'es produtos'],
    de: ['anwendbar', 'gilt nicht fur', 'berechtigt', 'ausgeschlossen', 'diese artikel', 'diese produkte'],
    ru: ['распространя', 'применим', 'не подходит', 'исключ', 'товар'],
    it: ['applicabil', 'si applica', 'idone', 'esclus', 'questi articoli', 'questi prodotti'],
    pl: ['nie dotyczy', 'zastosowania', 'kwalifik', 'wyłącz', 'produkt'],
  }],
  // Last: the generic "this code is wrong". The Russian first entry is AliExpress's real text.
  ['invalid', {
    en: ['invalid', 'not valid', 'exist', 'not found', 'incorrect', 'recogni', 'check the code', 'enter a valid'],
    es: ['invalido', 'no es valido', 'no valido', 'no existe', 'incorrect', 'comprueba', 'verifica'],
    fr: ['invalide', 'pas valide', 'non valide', 'existe pas', 'incorrect', 'verifiez', 'errone'],
    pt: ['invalido', 'nao e valido', 'nao existe', 'incorret', 'verifique'],
    de: ['ungultig', 'nicht gultig', 'existiert nicht', 'nicht korrekt', 'nicht erkannt', 'falscher', 'uberprufe'],
    ru: ['проверьте правильность', 'неверн', 'недействител', 'не существует', 'не найден', 'некорректн'],
    it: ['non valido', 'non e valido', 'non esiste', 'errat', 'controlla', 'verifica'],
    pl: ['nieprawidłow', 'niepoprawn', 'nieważn', 'nie istnieje', 'błędn', 'sprawdź'],
  }],
]; // prettier-ignore

/** Lower case, no accents, punctuation as single spaces: "N'est plus  valable." -> "n est plus valable ". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
}

let folded: ReadonlyArray<readonly [PromoErrorKind, readonly string[]]> | undefined;

/** The reason behind AliExpress's promo-code error text; 'other' when no list matches. */
export function classifyPromoError(text: string): PromoErrorKind {
  folded ??= KEYWORDS.map(
    ([kind, byLanguage]) => [kind, Object.values(byLanguage).flat().map(fold)] as const,
  );
  const haystack = ` ${fold(text.slice(0, 2000)).trim()} `;
  for (const [kind, keywords] of folded) {
    if (keywords.some((keyword) => haystack.includes(keyword))) return kind;
  }
  return 'other';
}
