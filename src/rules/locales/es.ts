/** Spanish. Missing keys fall back to English. */
import type { PartialLocaleMessages } from './en.ts';

export const es: PartialLocaleMessages = {
  checkNames: {
    'min-spend': 'Gasto mínimo',
    expiry: 'Vigencia',
    'region-lock': 'Región',
    'ineligible-items': 'Artículos excluidos',
    'already-used': 'Ya usado',
    'exact-code': 'Código exacto',
    'wrong-page': 'Página de pago',
    platform: 'Web o app',
    'one-code-per-order': 'Un código por pedido',
    'first-order': 'Solo primer pedido',
    'app-only': 'Solo en la app',
    'lower-tier': 'Nivel inferior',
  },
  summaries: {
    'min-spend.met': 'Requiere {required} sin envío; tus artículos suman {actual}.',
    'min-spend.below': 'Requiere {required} sin envío; tus artículos suman {actual}.',
    'min-spend.fx-uncertain':
      'Requiere {required} (unos {requiredConverted}); tus artículos suman {actual}, demasiado cerca para decidir con los tipos de cambio del {rateDate} (±{uncertaintyPercent} %).',
    'min-spend.no-rate':
      'Requiere {required} y no hay tipo de cambio de {fromCurrency} a {toCurrency} para compararlo con tus {actual}.',
    'min-spend.unreadable': 'No se pudo leer el subtotal de tus artículos ({reason}).',
    'expiry.valid': 'Válido hasta el {endsAt}.',
    'expiry.expiring-soon': 'Caduca el {endsAt}, dentro de {endsIn}.',
    'expiry.not-started': 'Empieza el {startsAt}, dentro de {startsIn}.',
    'expiry.expired': 'Caducó el {endedAt}.',
    'region-lock.global': 'Funciona en todas las regiones.',
    'region-lock.match': 'Solo para {allowed}; tu cuenta y tu dirección de envío coinciden.',
    'region-lock.ship-to-outside': 'Solo para {allowed}; tu pedido se envía a {shipTo}.',
    'region-lock.account-outside': 'Solo para {allowed}; tu cuenta está configurada en {account}.',
    'region-lock.ship-to-unknown':
      'Solo para {allowed}, y no pudimos leer a dónde se envía tu pedido ({reason}).',
    'region-lock.account-unknown':
      'Solo para {allowed}. Tu pedido se envía a {shipTo}, pero no pudimos leer el país de tu cuenta.',
    'ineligible-items.no-exclusions': 'No excluye tiendas, productos ni categorías.',
    'ineligible-items.none-excluded': 'Ninguno de tus artículos está excluido.',
    'ineligible-items.rejected': 'No es válido con: {lines}.',
    'ineligible-items.eligible-below':
      'No cuentan para el mínimo: {lines}. El resto suma {eligibleSubtotal}, menos de {required}.',
    'ineligible-items.not-counted':
      'No cuentan para el mínimo: {lines}. El resto, {eligibleSubtotal}, alcanza {required}.',
    'ineligible-items.eligible-uncertain':
      'No cuentan para el mínimo: {lines}. No podemos saber si el resto lo alcanza.',
    'ineligible-items.lines-unknown':
      'No se pudieron comprobar tus artículos con las exclusiones del código ({reason}).',
    'already-used.unlimited': 'Se puede usar en todos los pedidos.',
    'already-used.not-used': 'Esta cuenta no lo ha usado, según lo visto en este dispositivo.',
    'already-used.used': 'Esta cuenta ya lo usó el {usedAt}.',
    'already-used.account-unknown':
      'No pudimos saber qué cuenta tiene la sesión iniciada, así que no podemos comprobar si ya se usó.',
    'exact-code.exact': 'Escrito exactamente como {code}.',
    'exact-code.mistyped': 'Escribiste {typed}; el código es {code} ({problems}).',
    'exact-code.not-in-catalog': '{typed} no está en ninguna de nuestras listas de códigos.',
    'exact-code.empty': 'No se introdujo ningún código.',
    'wrong-page.checkout': 'Introducido en la página de pago.',
    'wrong-page.cart': 'El campo de código que cuenta está en la página de pago, no en el carrito.',
    'wrong-page.other': 'Esta no es la página de pago.',
    'platform.desktop': 'En la web de escritorio.',
    'platform.mobile-web': 'Algunos códigos fallan a veces en la web móvil.',
    'one-code-per-order.none-applied': 'No hay otro código aplicado.',
    'one-code-per-order.this-code-applied': 'Este código ya está aplicado.',
    'one-code-per-order.another-applied':
      '{applied} ya está aplicado y solo se puede usar un código por pedido.',
    'one-code-per-order.unidentified-applied': 'Ya hay un código aplicado; no pudimos ver cuál.',
    'one-code-per-order.unreadable': 'No se pudo ver si hay otro código aplicado ({reason}).',
    'first-order.not-required': 'No se limita al primer pedido.',
    'first-order.has-ordered': 'Solo para el primer pedido, y esta cuenta hizo un pedido el {lastOrderAt}.',
    'first-order.maybe-ordered':
      'Solo para el primer pedido. Se registró un pedido el {lastOrderAt}, quizá de esta cuenta.',
    'first-order.first-order-only': 'Solo para el primer pedido de una cuenta.',
    'app-only.any-platform': 'Funciona en la web.',
    'app-only.app-only': 'Solo funciona en la app de AliExpress.',
    'lower-tier.not-needed': 'Se alcanza el gasto mínimo; no hace falta un código inferior.',
    'lower-tier.lower-fits': 'Un código inferior encaja ahora con este carrito.',
    'lower-tier.none-fits': 'Ningún código inferior encaja ahora con este carrito.',
  },
  fixes: {
    'min-spend.below': 'Añade {shortfall} en artículos válidos para superar el mínimo.',
    'min-spend.fx-uncertain':
      'Añade un poco más por seguridad, o cambia la moneda de AliExpress a {fromCurrency} para comparar con exactitud.',
    'min-spend.no-rate': 'Cambia la moneda de AliExpress a {fromCurrency} o actualiza la lista de códigos.',
    'min-spend.unreadable': 'Espera a que aparezca el resumen del pedido y vuelve a comprobar.',
    'expiry.expiring-soon': 'Haz el pedido antes de que caduque.',
    'expiry.not-started': 'Espera a que empiece o usa un código vigente.',
    'expiry.expired': 'Usa un código con vigencia actual.',
    'region-lock.ship-to-outside':
      'Usa un código global, o una cuenta de {allowed} con una dirección de envío allí.',
    'region-lock.account-outside':
      'Revisa la región de tu cuenta: Cuenta → Ajustes → País/Región. Usa una dirección de envío del mismo país y actualiza el carrito. O usa un código global.',
    'region-lock.ship-to-unknown': 'Revisa la dirección de envío en la página de pago.',
    'region-lock.account-unknown':
      'Revisa Cuenta → Ajustes → País/Región: también debe ser {allowed}. Si lo cambias, actualiza el carrito.',
    'ineligible-items.rejected': 'Quita estos artículos o pídelos por separado y vuelve a aplicar el código.',
    'ineligible-items.eligible-below':
      'Añade {shortfall} en artículos válidos o pide por separado los excluidos.',
    'ineligible-items.eligible-uncertain': 'Pide por separado los artículos excluidos para ir sobre seguro.',
    'ineligible-items.lines-unknown': 'Espera a que aparezcan tus artículos y vuelve a comprobar.',
    'already-used.used':
      'Elige otro código. Un cupón de vendedor y las monedas siguen acumulándose en tu pedido.',
    'already-used.account-unknown': 'Inicia sesión en AliExpress y vuelve a comprobar.',
    'exact-code.mistyped': 'Pega, no reescribas: usa el botón Copiar para que el código sea exacto.',
    'exact-code.not-in-catalog':
      'Revisa dónde lo conseguiste, o añádelo con sus condiciones para que podamos comprobarlo.',
    'exact-code.empty': 'Pega el código en el campo de código promocional.',
    'wrong-page.cart': 'Pulsa Pagar y aplica el código en la pantalla final de pago.',
    'wrong-page.other': 'Ve al pago y aplica el código en la pantalla final de pago.',
    'platform.mobile-web': 'Usa la app oficial de AliExpress para este pedido.',
    'one-code-per-order.another-applied': 'Quita primero {applied} si este código ahorra más.',
    'one-code-per-order.unidentified-applied':
      'Si es otro código, quítalo primero: solo se puede usar un código por pedido.',
    'first-order.has-ordered': 'Usa un código abierto a todos los compradores.',
    'first-order.maybe-ordered':
      'Si esta cuenta ya ha hecho pedidos, usa un código abierto a todos los compradores.',
    'first-order.first-order-only': 'Si esta cuenta ya ha hecho pedidos, el código será rechazado.',
    'app-only.app-only': 'Haz este pedido en la app de AliExpress.',
  },
  suggestions: {
    'min-spend': 'O usa {code}, que encaja ahora con este carrito.',
    expiry: 'Usa {code}: está vigente y encaja con este carrito.',
    'region-lock': 'O usa {code}, que funciona en todas las regiones.',
    'ineligible-items': 'O usa {code}, que encaja con este carrito tal como está.',
    'already-used': '{code} encaja ahora con este carrito.',
    'exact-code': 'El código exacto es {code}.',
    'lower-tier': 'Usa {code}, que encaja ahora con este carrito.',
    default: 'Prueba {code}.',
  },
  problems: {
    whitespace: 'espacios de más',
    invisible: 'caracteres invisibles',
    case: 'minúsculas',
    lookalike: 'un carácter parecido: 0/O, 1/I/l, 5/S u 8/B',
  },
  verdicts: {
    'will-apply': '{code} debería aplicarse a este pedido.',
    'will-be-rejected': '{code} será rechazado: {check}.',
    'unknown-code': '{code} no está en ninguna de nuestras listas de códigos.',
    'cannot-read-page': 'Aún no se pudo leer esta página.',
    unsure: 'Puede que {code} no se aplique: no se pudo comprobar todo.',
  },
  terms: {
    withMinimum: '{discount} de descuento en {minSpend}+',
    noMinimum: '{discount} de descuento, sin mínimo',
    percentWithCap: '{percent} (hasta {cap})',
    codeWithTerms: '{code} ({terms})',
    unlock: 'añade {shortfall} para desbloquearlo',
    saving: 'ahorras {saving}',
    example: 'ejemplo',
  },
  fields: {
    page: 'Página',
    currency: 'Moneda',
    'amounts.itemsSubtotal': 'Subtotal de artículos',
    'amounts.storeDiscounts': 'Descuentos y cupones de tienda',
    'region.shipTo': 'País de envío',
    'region.account': 'País de la cuenta',
    lines: 'Artículos',
    accountId: 'Cuenta',
    'promo.enteredCode': 'Código promocional',
  },
  unreadableLine: '{field}: {reason}',
};
