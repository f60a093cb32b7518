// Place names the entity tagger knows without context: countries (with the short forms news copy
// uses), US states, continents and regions, and cities that make international news. A name not
// listed is still a place when its last word says so ("Ninety Mile Beach", "Orange County").

const COUNTRIES =
  "Afghanistan|Albania|Algeria|Andorra|Angola|Antigua|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|" +
  "Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|" +
  "Burundi|Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|" +
  "Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominica|Dominican Republic|East Timor|Ecuador|Egypt|" +
  "El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|" +
  "Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|" +
  "Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|" +
  "Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|" +
  "Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Burma|Namibia|Nauru|Nepal|" +
  "Netherlands|Holland|New Zealand|Aotearoa|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|" +
  "Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Samoa|" +
  "San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|" +
  "South Africa|South Korea|Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|" +
  "Tanzania|Thailand|Togo|Tonga|Trinidad|Tobago|Tunisia|Turkey|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|UAE|" +
  "United Kingdom|UK|U.K.|Britain|Great Britain|England|Scotland|Wales|Northern Ireland|United States|US|U.S.|USA|U.S.A.|" +
  "America|Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Greenland|Hong Kong|Puerto Rico";

const US_STATES =
  "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|" +
  "Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|" +
  "New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|" +
  "Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|" +
  "Wyoming|Washington DC|Washington D.C.";

const REGIONS =
  "Africa|North Africa|West Africa|East Africa|Southern Africa|Asia|Central Asia|South Asia|Southeast Asia|East Asia|" +
  "Europe|Eastern Europe|Western Europe|North America|South America|Latin America|Central America|Middle East|" +
  "Near East|Far East|Gulf|Persian Gulf|Arctic|Antarctica|Antarctic|Caribbean|Mediterranean|Balkans|Baltics|Scandinavia|" +
  "Sahel|Sahara|Siberia|Crimea|Donbas|Gaza|Gaza Strip|West Bank|Golan Heights|Kashmir|Darfur|Kurdistan|Tibet|Xinjiang|" +
  "Catalonia|Bavaria|Quebec|Ontario|Alberta|British Columbia|Northland|Patagonia|Amazon|Pacific|Atlantic|Indian Ocean";

const CITIES =
  "London|Paris|Berlin|Madrid|Rome|Moscow|Kyiv|Kiev|Warsaw|Vienna|Brussels|Amsterdam|Geneva|Zurich|Stockholm|Oslo|" +
  "Copenhagen|Helsinki|Dublin|Edinburgh|Glasgow|Manchester|Birmingham|Liverpool|Athens|Istanbul|Ankara|Lisbon|Prague|" +
  "Budapest|Beijing|Shanghai|Tokyo|Seoul|Pyongyang|Delhi|New Delhi|Mumbai|Karachi|Islamabad|Kabul|Tehran|Baghdad|" +
  "Damascus|Beirut|Jerusalem|Tel Aviv|Cairo|Riyadh|Dubai|Doha|Nairobi|Lagos|Abuja|Johannesburg|Cape Town|Addis Ababa|" +
  "Khartoum|Tunis|Tripoli|Algiers|Sirte|Benghazi|Mogadishu|Kinshasa|Sydney|Melbourne|Auckland|Wellington|Whangārei|" +
  "Toronto|Montreal|Vancouver|Ottawa|Mexico City|Havana|Caracas|Bogota|Lima|Santiago|Buenos Aires|Sao Paulo|" +
  "Rio de Janeiro|Brasilia|Chicago|Los Angeles|San Francisco|Boston|Philadelphia|Houston|Dallas|Miami|Atlanta|Seattle|" +
  "Detroit|Denver|Phoenix|Las Vegas|New Orleans|Baltimore|Charleston|Orlando|Ferguson|Rostov-on-Don|Rostov|Mariupol|" +
  "Kharkiv|Odesa|Odessa|Aleppo|Mosul|Raqqa|Fallujah|Kandahar|Hong Kong|Singapore|Bangkok|Manila|Jakarta|Hanoi|Taipei";

// Last words that make a capitalised name a place: "Ninety Mile Beach", "Whangārei Harbour".
const PLACE_WORDS =
  "Beach|Harbour|Harbor|River|Lake|Mountain|Mountains|Valley|Island|Islands|Sea|Ocean|Bay|Coast|Strait|Peninsula|" +
  "Desert|Forest|Park|Square|Street|Avenue|Road|County|Province|District|Region|City|Town|Village|Airport|Bridge";

export const PLACE_NAMES: ReadonlySet<string> = new Set([COUNTRIES, US_STATES, REGIONS, CITIES].join("|").split("|"));

export const PLACE_LAST_WORDS: ReadonlySet<string> = new Set(PLACE_WORDS.split("|"));

// Adjectives of nationality that do not follow from the place name by a regular ending
// (Kenya -> Kenyan, Sudan -> Sudanese and the like are derived in entities.ts).
export const IRREGULAR_DEMONYMS: ReadonlySet<string> = new Set(
  (
    "British|French|Dutch|Welsh|Irish|Scottish|English|Spanish|Swiss|Greek|Turkish|Polish|Danish|Swedish|Finnish|" +
    "Norwegian|Thai|Filipino|Pakistani|Israeli|Iraqi|Saudi|Yemeni|Kuwaiti|Qatari|Emirati|Bangladeshi|Afghan|Arab|Kurdish|" +
    "Palestinian|Maori|Māori|Latino|Hispanic|Muslim|Muslims|Christian|Christians|Jewish|Jews|Islamist|Islamists|" +
    "Sunni|Shia|Shiite|Catholic|Protestant|Salafist|Salafists|Copts|Coptic|Western|Eastern|Northern|Southern|" +
    "African-American|African-Americans|Asian-American"
  ).split("|"),
);
