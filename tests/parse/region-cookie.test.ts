import { describe, expect, it } from 'vitest';
import { parseAepUsucF, readCookie, type AepUsucF } from '../../src/shared/page-model/parse/region-cookie.ts';

describe('parseAepUsucF: every capture in aliexpress-facts.md section 2.1', () => {
  it.each<[string, AepUsucF]>([
    [
      'site=glo&c_tp=USD&region=US&b_locale=en_US',
      { site: 'glo', currency: 'USD', region: 'US', locale: 'en-US' },
    ],
    [
      'site=glo&region=IN&b_locale=en_US&c_tp=USD',
      { site: 'glo', region: 'IN', locale: 'en-US', currency: 'USD' },
    ],
    [
      'site=glo&c_tp=USD&x_alimid=1861063758&isb=y&region=CN&b_locale=en_US',
      { site: 'glo', currency: 'USD', memberId: '1861063758', region: 'CN', locale: 'en-US' },
    ],
    [
      'site=usa&c_tp=USD&region=US&b_locale=en_US',
      { site: 'usa', currency: 'USD', region: 'US', locale: 'en-US' },
    ],
    [
      'site=usa&province=922873780000000000&city=922873786976000000&c_tp=USD&x_alimid=4465986603&isb=y&region=US&b_locale=en_US',
      { site: 'usa', currency: 'USD', memberId: '4465986603', region: 'US', locale: 'en-US' },
    ],
    [
      'site=usa&province=922878890000000000&city=922878897869000000&c_tp=USD&ga_saved=yes&x_alimid=…&isb=y&region=US&b_locale=en_US&ae_u_p_s=2',
      // The capture elides the member id with "…": not an id, so it is rejected rather than kept.
      { site: 'usa', currency: 'USD', region: 'US', locale: 'en-US', rejected: ['memberId'] },
    ],
    [
      'site=usa&c_tp=BRL&region=BR&b_locale=en_US&province=903200130000000000&city=903200130063000000',
      { site: 'usa', currency: 'BRL', region: 'BR', locale: 'en-US' },
    ],
    [
      // Truncated in the source after "b_locale=f".
      'site=fra&province=907200100001000000&city=907200100001135000&c_tp=EUR&x_alimid=…&isfb=y&ups_d=1|1|1|1&isb=y&ups_u_t=1675349909049&region=FR&b_locale=f',
      { site: 'fra', currency: 'EUR', region: 'FR', rejected: ['memberId', 'locale'] },
    ],
    [
      'city=null&re_sns=google&b_locale=en_US&site=fra&province=null&c_tp=EUR&x_alimid=…&isfb=y&ups_d=1|1|1|1&isb=y&ups_u_t=1785605003470&region=FR&ae_u_p_s=2',
      { locale: 'en-US', site: 'fra', currency: 'EUR', region: 'FR', rejected: ['memberId'] },
    ],
    [
      'site=esp&province=919971656567000000&c_tp=EUR&ups_d=1|1|1|1&region=ES&b_locale=es_ES',
      { site: 'esp', currency: 'EUR', region: 'ES', locale: 'es-ES' },
    ],
    // Site, region, currency and locale vary independently.
    [
      'site=deu&c_tp=USD&region=LB&b_locale=de_DE',
      { site: 'deu', currency: 'USD', region: 'LB', locale: 'de-DE' },
    ],
    [
      'site=esp&c_tp=NGN&region=NG&b_locale=es_ES',
      { site: 'esp', currency: 'NGN', region: 'NG', locale: 'es-ES' },
    ],
    [
      'site=esp&c_tp=EUR&region=CN&b_locale=es_ES',
      { site: 'esp', currency: 'EUR', region: 'CN', locale: 'es-ES' },
    ],
    [
      'site=kor&c_tp=KRW&region=KR&b_locale=ko_KR',
      { site: 'kor', currency: 'KRW', region: 'KR', locale: 'ko-KR' },
    ],
    [
      'site=bra&c_tp=BRL&region=BR&b_locale=pt_BR',
      { site: 'bra', currency: 'BRL', region: 'BR', locale: 'pt-BR' },
    ],
    ['site=rus&region=RU&b_locale=ru_RU', { site: 'rus', region: 'RU', locale: 'ru-RU' }],
    // [IL-BROWSER]'s listing: iw_IL is the old code for Hebrew.
    ['c_tp=ILS&b_locale=iw_IL&region=IL', { currency: 'ILS', locale: 'he-IL', region: 'IL' }],
  ])('%s', (value, expected) => {
    expect(parseAepUsucF(value)).toEqual(expected);
  });
});

describe('parseAepUsucF: hostile and odd values', () => {
  it('reads the cookie out of a whole document.cookie string', () => {
    const header =
      'xman_us_f=x_locale=en_US&x_l=0; aep_usuc_f=site=glo&c_tp=PLN&region=PL&b_locale=pl_PL; intl_locale=pl_PL';
    expect(parseAepUsucF(header)).toEqual({ site: 'glo', currency: 'PLN', region: 'PL', locale: 'pl-PL' });
    expect(parseAepUsucF('aep_usuc_f=site=glo&region=DE')).toEqual({ site: 'glo', region: 'DE' });
  });

  it('gives nothing for a document.cookie without it', () => {
    expect(parseAepUsucF('xman_t=abc; intl_locale=en_US')).toEqual({});
    expect(parseAepUsucF('')).toEqual({});
  });

  it('splits each pair on the first "=" and keeps "|" and "%" in values', () => {
    expect(parseAepUsucF('region=US&c_tp=USD&ups_d=1|1|1|1&x=a=b')).toEqual({
      region: 'US',
      currency: 'USD',
    });
  });

  it('decodes percent-escapes, and keeps a broken escape as text (then rejects it)', () => {
    expect(parseAepUsucF('region=%55S&c_tp=EU%52')).toEqual({ region: 'US', currency: 'EUR' });
    expect(parseAepUsucF('region=U%ZZ&c_tp=USD')).toEqual({ currency: 'USD', rejected: ['region'] });
    expect(parseAepUsucF('site%3Dglo%26c_tp%3DSEK%26region%3DSE')).toEqual({
      site: 'glo',
      currency: 'SEK',
      region: 'SE',
    });
  });

  it('rejects values that are not ISO codes instead of passing them on', () => {
    expect(parseAepUsucF('region=us&c_tp=usd&b_locale=<script>&x_alimid=12ab&site=GLO')).toEqual({
      rejected: ['region', 'currency', 'locale', 'memberId', 'site'],
    });
    expect(parseAepUsucF('c_tp=ABC&region=USA')).toEqual({ rejected: ['currency', 'region'] });
  });

  it('takes the first of duplicated fields and ignores prototype keys', () => {
    const parsed = parseAepUsucF('region=FR&region=US&__proto__=x&constructor=y&toString=z');
    expect(parsed).toEqual({ region: 'FR' });
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });

  it('gives up on megabyte-long cookies', () => {
    expect(parseAepUsucF(`region=US&junk=${'x'.repeat(100_000)}`)).toEqual({});
  });
});

describe('readCookie', () => {
  it.each<[string, string, string | null]>([
    ['a=1; aep_usuc_f=site=glo&c_tp=USD; b=2', 'aep_usuc_f', 'site=glo&c_tp=USD'],
    ['aep_usuc_f=x', 'aep_usuc_f', 'x'],
    ['xaep_usuc_f=1; aep_usuc_f=2', 'aep_usuc_f', '2'],
    ['a=1;b=2=3', 'b', '2=3'],
    ['a=1; b=', 'b', ''],
    ['a=1', 'aep_usuc_f', null],
    ['', 'aep_usuc_f', null],
  ])('%j -> %s', (cookie, name, expected) => {
    expect(readCookie(cookie, name)).toBe(expected);
  });
});
