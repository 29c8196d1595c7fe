/**
 * Name pools for the retail data. Deliberately multilingual: accents, ß,
 * Chinese, Japanese and emoji appear in real Odoo databases and break naive
 * encoders.
 */

export const FIRST_NAMES = [
  'Zoë', 'Léa', 'Chloé', 'Inès', 'Manon', 'Camille', 'Élodie', 'Hélène', 'Amélie', 'Noémie',
  'Lucas', 'Hugo', 'Théo', 'Jérôme', 'François', 'Raphaël', 'Mathéo', 'Gaëtan', 'Benoît', 'Loïc',
  'Jürgen', 'Günther', 'Käthe', 'Jörg', 'Björn', 'Søren', 'Åsa', 'Małgorzata', 'Paweł', 'Dvořák',
  'María', 'José', 'Núria', 'Iñaki', 'João', 'Conceição', 'Ana', 'Sofía', 'Giulia', 'Niccolò',
  'Emma', 'Olivia', 'Liam', 'Noah', 'James', 'Aisha', 'Fatima', 'Mohamed', 'Youssef', 'Amira',
  '伟', '芳', '娜', '敏', '静', '陽翔', '結衣', 'Minh', 'Thảo', 'Priya',
] as const;

export const LAST_NAMES = [
  'Lefèvre', 'Dubois', 'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Moreau',
  'Laurent', 'Simon', 'Michel', 'Lefebvre', 'Leroy', 'Roux', 'Fournier', 'Girard', 'Bonnet', 'Dupont',
  'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Müller', 'Schröder', 'Groß', 'Weiß', 'Straße', 'Köhler',
  'Nørgaard', 'Kierkegård', 'Wójcik', 'García', 'Muñoz', 'Gonçalves', 'Rossi', 'Esposito', 'Smith', 'O\'Brien',
  'El Amrani', 'Benali', 'Nguyễn', '王', '李', '张', '刘', '佐藤', '鈴木', 'Kowalski',
] as const;

export const COMPANY_WORDS = [
  'Boulangerie', 'Épicerie', 'Fromagerie', 'Brasserie', 'Café', 'Hôtel', 'Atelier', 'Maison', 'Comptoir', 'Cave',
  'Bäckerei', 'Feinkost', 'Kaffeehaus', 'Tienda', 'Trattoria', 'Deli', 'Studio', 'Marché', 'Crèmerie', 'Pâtisserie',
] as const;

export const COMPANY_SUFFIXES = ['SARL', 'SAS', 'GmbH', 'SA', 'S.L.', 'S.r.l.', 'Ltd', 'BV', '& Fils', '有限公司'] as const;

export interface CityInfo {
  readonly city: string;
  readonly zip: string;
  readonly country: string;
  /** Its state's code, where Odoo loads the country's states. */
  readonly state?: string;
  readonly lat: number;
  readonly lon: number;
}

export const CITIES: readonly CityInfo[] = [
  { city: 'Paris', zip: '75011', country: 'FR', lat: 48.8589, lon: 2.3802 },
  { city: 'Lyon', zip: '69002', country: 'FR', lat: 45.7485, lon: 4.8271 },
  { city: 'Marseille', zip: '13001', country: 'FR', lat: 43.2965, lon: 5.3698 },
  { city: 'Lille', zip: '59000', country: 'FR', lat: 50.6292, lon: 3.0573 },
  { city: 'Nantes', zip: '44000', country: 'FR', lat: 47.2184, lon: -1.5536 },
  { city: 'Besançon', zip: '25000', country: 'FR', lat: 47.2378, lon: 6.0241 },
  { city: 'Saint-Étienne', zip: '42000', country: 'FR', lat: 45.4397, lon: 4.3872 },
  { city: 'Bruxelles', zip: '1000', country: 'BE', lat: 50.8503, lon: 4.3517 },
  { city: 'Liège', zip: '4000', country: 'BE', lat: 50.6326, lon: 5.5797 },
  { city: 'München', zip: '80331', country: 'DE', state: 'DE-BY', lat: 48.1351, lon: 11.582 },
  { city: 'Köln', zip: '50667', country: 'DE', state: 'DE-NW', lat: 50.9375, lon: 6.9603 },
  { city: 'Genève', zip: '1204', country: 'CH', state: 'GE-FR', lat: 46.2044, lon: 6.1432 },
  { city: 'Zürich', zip: '8001', country: 'CH', state: 'ZH', lat: 47.3769, lon: 8.5417 },
  { city: 'Barcelona', zip: '08002', country: 'ES', state: 'B', lat: 41.3874, lon: 2.1686 },
  { city: 'Milano', zip: '20121', country: 'IT', state: 'MI', lat: 45.4642, lon: 9.19 },
  { city: 'London', zip: 'EC1A 1BB', country: 'GB', lat: 51.5072, lon: -0.1276 },
  { city: 'New York', zip: '10001', country: 'US', state: 'NY', lat: 40.7128, lon: -74.006 },
  { city: '上海', zip: '200000', country: 'CN', state: '沪', lat: 31.2304, lon: 121.4737 },
  { city: '東京', zip: '100-0001', country: 'JP', state: '13', lat: 35.6762, lon: 139.6503 },
  { city: 'Casablanca', zip: '20000', country: 'MA', lat: 33.5731, lon: -7.5898 },
];

export const STREETS = [
  'rue de la Roquette', 'boulevard Voltaire', 'avenue Jean-Jaurès', 'rue du Faubourg Saint-Honoré', 'place Bellecour',
  'quai Saint-Vincent', 'rue de la République', 'Königstraße', 'Maximilianstraße', 'Hohe Straße', 'rue Neuve',
  'Carrer de Mallorca', 'Via della Spiga', 'Baker Street', 'Broadway', '南京东路', '銀座通り', 'chemin des Écoliers',
] as const;

/** Product families: [category (level 2), subcategory (level 3), POS category, names, price range, taxed reduced?]. */
export interface ProductFamily {
  readonly group: string;
  readonly sub: string;
  readonly pos: string;
  readonly names: readonly string[];
  readonly price: readonly [number, number];
  readonly reducedVat: boolean;
  readonly weighed?: boolean;
  readonly variants?: readonly string[];
}

export const PRODUCT_FAMILIES: readonly ProductFamily[] = [
  { group: 'Alimentation', sub: 'Boulangerie', pos: 'Boulangerie', reducedVat: true, price: [0.9, 6.5],
    names: ['Baguette tradition', 'Croissant pur beurre', 'Pain au chocolat', 'Brioche tressée', 'Pain de seigle', 'Kouign-amann', 'Pain aux céréales', 'Fougasse aux olives'] },
  { group: 'Alimentation', sub: 'Crèmerie', pos: 'Crèmerie', reducedVat: true, price: [1.5, 14],
    names: ['Crème fraîche d\'Isigny', 'Beurre demi-sel', 'Comté 18 mois', 'Brie de Meaux', 'Yaourt nature', 'Emmentaler', 'Bleu d\'Auvergne', 'Lait entier bio'] },
  { group: 'Alimentation', sub: 'Fruits & Légumes', pos: 'Fruits & Légumes', reducedVat: true, price: [1.2, 8.9], weighed: true,
    names: ['Pommes Golden', 'Tomates grappe', 'Clémentines de Corse', 'Poires Williams', 'Carottes nouvelles', 'Avocats Hass', 'Fraises Gariguette', 'Champignons de Paris'] },
  { group: 'Alimentation', sub: 'Épicerie salée', pos: 'Épicerie', reducedVat: true, price: [1.1, 12],
    names: ['Pâtes fusilli', 'Riz basmati', 'Huile d\'olive vierge extra', 'Moutarde de Dijon', 'Ramen 拉面 shoyu', 'Sauce soja 酱油', 'Lentilles vertes du Puy', 'Sel de Guérande'] },
  { group: 'Alimentation', sub: 'Épicerie sucrée', pos: 'Épicerie', reducedVat: true, price: [1.5, 9.5],
    names: ['Chocolat noir 70% 🍫', 'Confiture d\'abricots', 'Miel de lavande', 'Biscuits Spéculoos', 'Lebkuchen Nürnberger', 'Macarons assortis', 'Pâte à tartiner', 'Calissons d\'Aix'] },
  { group: 'Boissons', sub: 'Boissons chaudes', pos: 'Boissons', reducedVat: true, price: [2.5, 18],
    names: ['Café ☕ espresso grains', 'Thé vert 抹茶 matcha', 'Thé Earl Grey', 'Chocolat chaud', 'Café décaféiné', 'Tisane verveine'] },
  { group: 'Boissons', sub: 'Softs & Eaux', pos: 'Boissons', reducedVat: true, price: [0.8, 4.5],
    names: ['Eau minérale 1,5 L', 'Limonade artisanale', 'Jus d\'orange pressé', 'Cola zéro', 'Thé glacé pêche', 'Apfelschorle'] },
  { group: 'Boissons', sub: 'Bières & Vins', pos: 'Boissons', reducedVat: false, price: [2.2, 35],
    names: ['Bière blonde 🍺', 'Weißbier', 'Côtes du Rhône', 'Champagne brut', 'Riesling Alsace', 'Cidre brut breton'] },
  { group: 'Maison', sub: 'Entretien', pos: 'Maison', reducedVat: false, price: [1.9, 15],
    names: ['Liquide vaisselle', 'Éponges x3', 'Savon noir', 'Lessive écologique', 'Sacs poubelle 30 L', 'Vinaigre ménager'] },
  { group: 'Maison', sub: 'Cuisine', pos: 'Maison', reducedVat: false, price: [4.5, 89],
    names: ['Tasse en grès', 'Théière en fonte 鉄瓶', 'Planche à découper', 'Couteau d\'office', 'Moulin à poivre', 'Torchon en lin'] },
  { group: 'Maison', sub: 'Décoration', pos: 'Maison', reducedVat: false, price: [6, 120],
    names: ['Bougie parfumée', 'Vase céramique', 'Cadre photo', 'Coussin brodé', 'Guirlande lumineuse ✨'] },
  { group: 'Beauté', sub: 'Soins', pos: 'Hygiène & Beauté', reducedVat: false, price: [3.5, 45],
    names: ['Crème hydratante', 'Savon de Marseille', 'Shampooing doux', 'Baume à lèvres', 'Huile d\'argan', 'Dentifrice menthe'] },
  { group: 'Beauté', sub: 'Parfums', pos: 'Hygiène & Beauté', reducedVat: false, price: [19, 110],
    names: ['Eau de toilette Fleur d\'oranger', 'Eau de parfum Ambre', 'Brume Rose & Iris'] },
  { group: 'Mode', sub: 'Textile', pos: 'Mode', reducedVat: false, price: [9.9, 79],
    variants: ['S', 'M', 'L', 'XL'],
    names: ['T-shirt coton bio', 'Sweat à capuche', 'Chemise en lin', 'Pull marin'] },
  { group: 'Mode', sub: 'Chaussures', pos: 'Mode', reducedVat: false, price: [29, 129],
    variants: ['38', '40', '42', '44'],
    names: ['Straße-Sneaker', 'Espadrilles', 'Bottines cuir'] },
  { group: 'Mode', sub: 'Accessoires', pos: 'Mode', reducedVat: false, price: [5, 59],
    variants: ['Noir', 'Écru', 'Bleu'],
    names: ['Tote bag 🛍️', 'Écharpe laine', 'Casquette brodée'] },
  { group: 'High-Tech', sub: 'Audio', pos: 'High-Tech', reducedVat: false, price: [15, 199],
    names: ['Écouteurs sans fil', 'Enceinte Bluetooth', 'Casque audio'] },
  { group: 'High-Tech', sub: 'Accessoires téléphone', pos: 'High-Tech', reducedVat: false, price: [7, 49],
    names: ['Câble USB-C 1 m', 'Chargeur rapide 20 W', 'Coque silicone', 'Batterie externe 10 000 mAh'] },
  { group: 'Papeterie', sub: 'Cahiers', pos: 'Papeterie', reducedVat: false, price: [1.5, 18],
    names: ['Carnet pointillé A5', 'Cahier Seyès', 'Agenda 2025', 'Bloc-notes 便利'] },
  { group: 'Papeterie', sub: 'Écriture', pos: 'Papeterie', reducedVat: false, price: [0.9, 25],
    names: ['Stylo plume', 'Crayons de couleur x12', 'Feutres pinceaux', 'Gomme'] },
] as const;

/** Qualifiers that multiply the family names into a catalog of ~150 templates. */
export const PRODUCT_QUALIFIERS = ['', 'Bio', 'Premium', 'Maison', 'Édition limitée', 'Format familial'] as const;

export const BRANDS = [
  'Maison Lumière', 'Bäckerei Groß', 'Nordlys', 'Sakura 桜', 'Terre & Mer', 'Atelier Cœur', 'Kōhī Roasters', 'Alpenglühen',
] as const;

export const VENDOR_NAMES = [
  'Moulins de Provence SAS', 'Fromagerie Bérthaut', 'Grossiste Rungis Frais', 'Brasserie du Mont-Blanc', 'Kaffeerösterei Müller GmbH',
  'Textiles Écoresponsables SARL', 'Shenzhen 深圳 Electronics Co.', 'Papeterie Clairefontaine', 'Savonnerie de Marseille',
  'Distribution Épicerie Fine', 'Vinothek Rheingau', 'Kyoto Tea Trading 京都', 'Céramiques de Vallauris', 'Logistique Express 🚚', 'Bio Coop Grossiste',
] as const;
