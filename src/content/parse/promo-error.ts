/**
 * Sorts the error AliExpress shows under the promo field (`div.promoErrorTip`) into a reason the checks
 * understand. No verbatim English AliExpress rejection text is public (aliexpress-facts.md section 7), so
 * the lists are phrases a shop writes for each reason, plus the one real Russian text. Matching ignores case
 * and accents; a keyword with a space at an end only matches at a word boundary there.
 */
import type { PromoErrorKind } from '../../rules/schemas/snapshot.ts';

type Language = 'en' | 'es' | 'fr' | 'pt' | 'de' | 'ru' | 'it' | 'pl';
type Keywords = Record<Language, readonly string[]>;

/** Checked in this order, first match wins: the specific reasons before the generic "invalid". */
const KEYWORDS: ReadonlyArray<readonly [Exclude<PromoErrorKind, 'other'>, Keywords]> = [
  // Before "expired" and "invalid": "not valid yet" is neither.
  [
    'not-started',
    {
      en: ['not yet started', 'not started yet', 'has not started', 'hasn t started', 'not yet valid', 'not valid yet', 'not yet active', 'not active yet', 'not yet available', 'not available yet', 'has not begun', 'will start', 'starts on', 'valid from'],
      es: ['aun no ha comenzado', 'aun no es valido', 'aun no esta disponible', 'aun no esta activo', 'todavia no', 'no ha empezado', 'comenzara', 'valido a partir'],
      fr: ['pas encore commence', 'pas encore valable', 'pas encore valide', 'pas encore disponible', 'pas encore actif', 'commencera', 'valable a partir'],
      pt: ['ainda nao comecou', 'ainda nao e valido', 'ainda nao esta', 'ainda nao iniciou', 'comecara', 'valido a partir'],
      de: ['noch nicht gestartet', 'noch nicht gultig', 'noch nicht verfugbar', 'noch nicht aktiv', 'noch nicht begonnen', 'beginnt am', 'gilt ab'],
      ru: ['еще не начал', 'еще не действ', 'еще не доступ', 'не начался', 'не началась', 'начнется', 'будет действовать с'],
      it: ['non ancora iniziat', 'non e ancora', 'non ancora valido', 'non ancora disponibile', 'non ancora attivo', 'iniziera', 'valido dal'],
      pl: ['jeszcze nie', 'jeszcze się nie', 'nie jest jeszcze', 'rozpocznie się'],
    },
  ],
  [
    'expired',
    {
      en: ['expir', 'has ended', 'promotion ended', 'no longer valid', 'no longer available', 'out of date'],
      es: ['caducad', 'expir', 'vencid', 'ha finalizado', 'ha terminado', 'ya no es valido', 'ya no esta disponible'],
      fr: ['expir', 'perime', 'n est plus valable', 'n est plus valide', 'n est plus disponible', 'a pris fin'],
      pt: ['expir', 'vencid', 'encerrad', 'nao e mais valido', 'nao esta mais disponivel'],
      de: ['abgelaufen', 'nicht mehr gultig', 'nicht mehr verfugbar', 'beendet', 'verfallen'],
      ru: ['истек', 'просроч', 'больше не действ', 'закончил', 'завершил'],
      it: ['scadut', 'non e piu valido', 'non piu valido', 'non e piu disponibile', 'terminat'],
      pl: ['wygas', 'stracił ważność', 'przeterminowan', 'już nieważny', 'nie jest już ważny', 'zakończył'],
    },
  ],
  // Before "min-spend": "new users, orders over $10" is about the account first.
  [
    'first-order-only',
    {
      en: ['first order', 'new user', 'new customer', 'new buyer', 'first purchase', 'newcomer'],
      es: ['primer pedido', 'primera compra', 'nuevos usuarios', 'nuevo usuario', 'nuevos clientes', 'nuevo cliente'],
      fr: ['premiere commande', 'premier achat', 'nouveaux utilisateurs', 'nouvel utilisateur', 'nouveaux clients', 'nouveau client'],
      pt: ['primeiro pedido', 'primeira compra', 'novos usuarios', 'novo usuario', 'novos clientes', 'novo cliente', 'novos utilizadores'],
      de: ['erste bestellung', 'ersten bestellung', 'erstbestellung', 'ersten einkauf', 'neukunden', 'neue nutzer', 'neuen nutzer'],
      ru: ['первого заказа', 'первый заказ', 'первом заказе', 'новых пользовател', 'новым пользовател', 'новых покупател', 'новым покупател'],
      it: ['primo ordine', 'primo acquisto', 'nuovi utenti', 'nuovo utente', 'nuovi clienti', 'nuovo cliente'],
      pl: ['pierwsze zamówienie', 'pierwszego zamówienia', 'pierwszy zakup', 'nowych użytkowników', 'nowych klientów'],
    },
  ],
  [
    'app-only',
    {
      en: [' in app ', ' app only', 'only in the app', 'only on the app', 'aliexpress app', 'mobile app', 'use the app', ' app exclusive'],
      es: ['en la app', 'en la aplicacion', 'exclusivo de la app', 'exclusivo para la app'],
      fr: ['dans l application', 'dans l appli', 'sur l application', 'sur l appli', 'exclusif a l appli'],
      pt: ['no aplicativo', 'no app ', 'na app ', 'na aplicacao', 'exclusivo do app'],
      de: ['in der app', 'uber die app', 'app exklusiv'],
      ru: ['в приложении', 'приложени'],
      it: ['nell app', 'sull app', 'esclusiva app', 'esclusivo app'],
      pl: ['w aplikacji', 'aplikacji mobilnej'],
    },
  ],
  // Before "ineligible-items": "cannot be used in your country" names the region.
  [
    'region',
    {
      en: ['region', 'country', 'your location', 'your area', 'shipping address', 'ship to', 'destination'],
      es: ['pais', 'region', 'tu ubicacion', 'tu zona', 'direccion de envio'],
      fr: ['pays', 'region', 'votre zone', 'votre localisation', 'adresse de livraison'],
      pt: ['pais', 'regiao', 'sua localizacao', 'endereco de entrega', 'endereco de envio'],
      de: [' land ', ' landes', 'region', 'lieferadresse', 'versandadresse', 'standort'],
      ru: ['вашей стране', 'вашу страну', 'вашей страны', 'в стране', 'для страны', 'страны доставки', 'регион', 'адрес доставки', 'местоположени'],
      it: ['paese', 'regione', 'tua posizione', 'indirizzo di spedizione'],
      pl: ['kraju', 'krajów', 'region', 'adres dostawy', 'lokalizacji'],
    },
  ],
  // Before "already-used": "you already applied another code" is not this code being used up.
  [
    'one-code-per-order',
    {
      en: ['one code per order', 'one promo code per order', 'only one code', 'only one promo code', 'cannot be combined', 'can t be combined', 'cannot be used together', 'another code', 'another promo code', 'not stackable'],
      es: ['un codigo por pedido', 'solo se puede usar un', 'solo un codigo', 'no se puede combinar', 'no acumulable', 'no es acumulable', 'otro codigo'],
      fr: ['un code par commande', 'un seul code', 'cumulable', 'ne peut pas etre combine', 'autre code'],
      pt: ['um codigo por pedido', 'apenas um codigo', 'nao cumulativ', 'nao pode ser combinado', 'outro codigo'],
      de: ['ein code pro bestellung', 'nur ein code', 'nur einen code', 'nicht kombinierbar', 'nicht mit anderen', 'anderer code', 'anderen code'],
      ru: ['один промокод', 'один код', 'только один', 'нельзя объединить', 'нельзя совмещать', 'не суммируется', 'другой промокод'],
      it: ['un codice per ordine', 'un solo codice', 'non cumulabile', 'non puo essere combinato', 'altro codice'],
      pl: ['jeden kod', 'nie można łączyć', 'nie łączy się', 'inny kod'],
    },
  ],
  [
    'already-used',
    {
      en: ['already been used', 'already used', 'already redeemed', 'been redeemed', 'used this code', 'usage limit', 'once per'],
      es: ['ya ha sido utilizado', 'ya se ha utilizado', 'ya utilizado', 'ya usado', 'ya has usado', 'ya has utilizado', 'ya fue usado', 'ya fue utilizado', 'ya canjeado', 'ya ha sido canjeado'],
      fr: ['deja ete utilise', 'deja utilise', 'deja ete echange'],
      pt: ['ja foi usado', 'ja foi utilizado', 'ja usado', 'ja utilizado', 'ja foi resgatado', 'ja resgatado'],
      de: ['bereits verwendet', 'bereits benutzt', 'bereits eingelost', 'schon verwendet', 'schon eingelost'],
      ru: ['уже использован', 'уже был использован', 'уже активирован'],
      it: ['gia stato utilizzato', 'gia utilizzato', 'gia stato usato', 'gia usato', 'gia riscattato'],
      pl: ['już wykorzysta', 'już uży', 'został już'],
    },
  ],
  [
    'min-spend',
    {
      en: ['minimum', 'min spend', 'min order', ' spend ', 'orders over', 'orders above', 'order over', 'more to use', 'threshold'],
      es: ['minimo', 'compra minima', 'pedidos superiores', 'no alcanza', 'alcanzar'],
      fr: ['minimum', 'montant minimal', 'seuil', 'n atteint pas', 'atteindre'],
      pt: ['minimo', 'compra minima', 'nao atinge', 'atingir'],
      de: ['mindest', 'nicht erreicht'],
      ru: ['минимальн', 'от суммы', 'сумма заказа', 'не достигает', 'недостаточн'],
      it: ['minimo', 'spesa minima', 'non raggiunge', 'raggiungere'],
      pl: ['minimaln', 'wartość zamówienia', 'nie osiąga'],
    },
  ],
  [
    'ineligible-items',
    {
      en: ['not applicable', 'not eligible', 'ineligible', 'eligible item', 'excluded', 'does not apply to', 'doesn t apply to', 'cannot be used for', 'can t be used for', 'cannot be applied to', 'these items', 'this item', 'this product', 'this store', 'items in your cart'],
      es: ['no aplica', 'no es aplicable', 'no se aplica', 'no elegible', 'no son elegibles', 'articulos elegibles', 'productos elegibles', 'excluid', 'estos articulos', 'estos productos'],
      fr: ['non applicable', 'ne s applique pas', 'non eligible', 'pas eligible', 'articles eligibles', 'produits eligibles', 'exclu', 'ces articles', 'ces produits'],
      pt: ['nao se aplica', 'nao aplicavel', 'nao elegive', 'itens elegiveis', 'produtos elegiveis', 'excluid', 'estes itens', 'esses itens', 'estes produtos', 'esses produtos'],
      de: ['nicht anwendbar', 'gilt nicht fur', 'nicht berechtigt', 'berechtigte artikel', 'ausgeschlossen', 'diese artikel', 'diese produkte'],
      ru: ['не распространяется', 'не применим', 'не подходит для', 'неподходящ', 'исключен', 'эти товары', 'этих товаров', 'данных товаров'],
      it: ['non applicabile', 'non si applica', 'non idone', 'articoli idonei', 'prodotti idonei', 'esclus', 'questi articoli', 'questi prodotti'],
      pl: ['nie dotyczy', 'nie ma zastosowania', 'nie kwalifikuj', 'wyłączon', 'tych produktów', 'te produkty'],
    },
  ],
  // Last: the generic "this code is wrong". The Russian entry is AliExpress's real text.
  [
    'invalid',
    {
      en: ['invalid', 'not valid', 'does not exist', 'doesn t exist', 'not found', 'incorrect', 'not recogni', 'unrecogni', 'check the code', 'enter a valid'],
      es: ['invalido', 'no es valido', 'no valido', 'no existe', 'incorrecto', 'comprueba el codigo', 'verifica el codigo'],
      fr: ['invalide', 'n est pas valide', 'non valide', 'n existe pas', 'incorrect', 'verifiez le code', 'errone'],
      pt: ['invalido', 'nao e valido', 'nao existe', 'incorreto', 'verifique o codigo'],
      de: ['ungultig', 'nicht gultig', 'existiert nicht', 'nicht korrekt', 'nicht erkannt', 'falscher code', 'uberprufe'],
      ru: ['проверьте правильность', 'неверн', 'недействител', 'не существует', 'не найден', 'некорректн'],
      it: ['non valido', 'non e valido', 'non esiste', 'errato', 'controlla il codice', 'verifica il codice'],
      pl: ['nieprawidłow', 'niepoprawn', 'nieważny', 'nie istnieje', 'błędny', 'sprawdź kod'],
    },
  ],
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
