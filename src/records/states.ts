// Data: the names of States as UN documents print them (members, observers, former names), for telling a delegate's State from a title.

/** Member States of the United Nations, in the form UN documents use (without a leading "the"). */
const MEMBER_STATES = `Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|
Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|
Bolivia (Plurinational State of)|Plurinational State of Bolivia|Bolivia|Bosnia and Herzegovina|Botswana|Brazil|
Brunei Darussalam|Bulgaria|Burkina Faso|Burundi|Cabo Verde|Cape Verde|Cambodia|Cameroon|Canada|
Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Côte d’Ivoire|Côte d'Ivoire|
Croatia|Cuba|Cyprus|Czechia|Czech Republic|Democratic People’s Republic of Korea|
Democratic People's Republic of Korea|Democratic Republic of the Congo|Denmark|Djibouti|Dominica|
Dominican Republic|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|
Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|
Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran (Islamic Republic of)|Islamic Republic of Iran|Iran|
Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kuwait|Kyrgyzstan|
Lao People’s Democratic Republic|Lao People's Democratic Republic|Latvia|Lebanon|Lesotho|Liberia|Libya|
Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|
Mauritania|Mauritius|Mexico|Micronesia (Federated States of)|Federated States of Micronesia|Monaco|
Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|Netherlands (Kingdom of the)|
Kingdom of the Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Macedonia|Norway|Oman|Pakistan|Palau|
Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Republic of Korea|
Republic of Moldova|Romania|Russian Federation|Rwanda|Saint Kitts and Nevis|Saint Lucia|
Saint Vincent and the Grenadines|Samoa|San Marino|Sao Tome and Principe|Saudi Arabia|Senegal|Serbia|
Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|South Sudan|
Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syrian Arab Republic|Tajikistan|Thailand|Timor-Leste|
Togo|Tonga|Trinidad and Tobago|Tunisia|Türkiye|Turkey|Turkmenistan|Tuvalu|Uganda|Ukraine|
United Arab Emirates|United Kingdom of Great Britain and Northern Ireland|United Kingdom|
United Republic of Tanzania|United States of America|United States|Uruguay|Uzbekistan|Vanuatu|
Venezuela (Bolivarian Republic of)|Bolivarian Republic of Venezuela|Venezuela|Viet Nam|Yemen|Zambia|Zimbabwe`

/**
 * Observers and territories that appear before treaty bodies, names States have since changed,
 * and the short names some reports print.
 */
const OTHER_STATES = `Holy See|State of Palestine|Palestine|Hong Kong, China|Macao, China|Kosovo|
Swaziland|Zaire|Burma|Czechoslovakia|Yugoslavia|Federal Republic of Yugoslavia|Serbia and Montenegro|
Union of Soviet Socialist Republics|USSR|Byelorussian Soviet Socialist Republic|
Ukrainian Soviet Socialist Republic|German Democratic Republic|Federal Republic of Germany|
Libyan Arab Jamahiriya|Democratic Kampuchea|Western Samoa|Upper Volta|Dahomey|Ceylon|
The former Yugoslav Republic of Macedonia|former Yugoslav Republic of Macedonia|Zaire|East Timor|
Moldova|Syria|Tanzania|Vietnam|Laos|Russia`

const fold = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’']/g, "'")
    .replace(/^the\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()

/** Every State's name above, as UN documents print it. */
export const STATE_NAMES: readonly string[] = `${MEMBER_STATES}|${OTHER_STATES}`
  .split('|')
  .map((name) => name.trim())
  .filter(Boolean)

const STATES: ReadonlySet<string> = new Set(STATE_NAMES.map((name) => fold(name)))

/** Whether `name` ("the Sudan", "SWAZILAND", "Türkiye") is the name of a State. */
export const isStateName = (name: string): boolean => STATES.has(fold(name))

/** The longest State name `text` starts with ("The Philippines commended …" → "Philippines"), or null. */
export const leadingStateName = (text: string): string | null => {
  const words = text.replace(/^the\s+/i, '').split(/\s+/)
  for (let n = Math.min(words.length, 9); n >= 1; n--) {
    const candidate = words
      .slice(0, n)
      .join(' ')
      .replace(/[,;:.]+$/, '')
    if (isStateName(candidate)) return candidate
  }
  return null
}

/** A State's name as a record prints it in running text, from a heading's upper case: "UNITED KINGDOM" → "United Kingdom". */
export const stateDisplayName = (name: string): string => {
  const bare = name.replace(/^the\s+/i, '').trim()
  if (bare !== bare.toUpperCase()) return bare
  return bare
    .toLowerCase()
    .split(' ')
    .map((word, i) =>
      i > 0 && ['and', 'of', 'the'].includes(word)
        ? word
        : word.replace(
            /(^|[(-])(\p{L})/gu,
            (_, before: string, letter: string) => before + letter.toUpperCase()
          )
    )
    .join(' ')
}
