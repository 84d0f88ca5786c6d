/**
 * The strategy chart's headings, in each campaign language. Kept beside the chart (not in site/lib/i18n.ts) since
 * only the chart says them.
 */
import type { Lang } from '../../../schema/limits.ts';

export interface StrategyStrings {
  title: string;
  intro: string;
  goals: string;
  long: string;
  intermediate: string;
  short: string;
  considerations: string;
  /** The third column: constituents, allies and opponents. */
  people: string;
  constituents: string;
  allies: string;
  opponents: string;
  targets: string;
  primary: string;
  secondary: string;
  tactics: string;
  benchmarks: string;
  benchmark: string;
  target: string;
  by: string;
  kind: string;
  internal: string;
  external: string;
}

const en: StrategyStrings = {
  title: 'Our strategy',
  intro: 'How we plan to win, in the five columns of a Midwest Academy strategy chart.',
  goals: 'Goals',
  long: 'Long-term',
  intermediate: 'Intermediate',
  short: 'Short-term',
  considerations: 'Organizational considerations',
  people: 'Constituents, allies and opponents',
  constituents: 'Constituents',
  allies: 'Allies',
  opponents: 'Opponents',
  targets: 'Targets',
  primary: 'Primary',
  secondary: 'Secondary',
  tactics: 'Tactics',
  benchmarks: 'Benchmarks',
  benchmark: 'Benchmark',
  target: 'Target',
  by: 'By',
  kind: 'Kind',
  internal: 'Our strength',
  external: 'The change we seek',
};

const es: StrategyStrings = {
  title: 'Nuestra estrategia',
  intro: 'Cómo pensamos ganar, en las cinco columnas de un cuadro estratégico de la Midwest Academy.',
  goals: 'Metas',
  long: 'A largo plazo',
  intermediate: 'Intermedias',
  short: 'A corto plazo',
  considerations: 'Consideraciones organizativas',
  people: 'Base, aliados y oponentes',
  constituents: 'Base',
  allies: 'Aliados',
  opponents: 'Oponentes',
  targets: 'Objetivos',
  primary: 'Principales',
  secondary: 'Secundarios',
  tactics: 'Tácticas',
  benchmarks: 'Hitos',
  benchmark: 'Hito',
  target: 'Meta',
  by: 'Para',
  kind: 'Tipo',
  internal: 'Nuestra fuerza',
  external: 'El cambio que buscamos',
};

const fr: StrategyStrings = {
  title: 'Notre stratégie',
  intro: 'Comment nous comptons gagner, dans les cinq colonnes d’un tableau stratégique de la Midwest Academy.',
  goals: 'Objectifs',
  long: 'À long terme',
  intermediate: 'Intermédiaires',
  short: 'À court terme',
  considerations: 'Considérations organisationnelles',
  people: 'Personnes concernées, alliés et opposants',
  constituents: 'Personnes concernées',
  allies: 'Alliés',
  opponents: 'Opposants',
  targets: 'Cibles',
  primary: 'Principales',
  secondary: 'Secondaires',
  tactics: 'Tactiques',
  benchmarks: 'Étapes',
  benchmark: 'Étape',
  target: 'Objectif',
  by: 'Avant le',
  kind: 'Type',
  internal: 'Notre force',
  external: 'Le changement visé',
};

const ar: StrategyStrings = {
  title: 'استراتيجيتنا',
  intro: 'كيف نخطط للفوز، في الأعمدة الخمسة لمخطط الاستراتيجية من Midwest Academy.',
  goals: 'الأهداف',
  long: 'بعيدة المدى',
  intermediate: 'متوسطة المدى',
  short: 'قصيرة المدى',
  considerations: 'اعتبارات تنظيمية',
  people: 'القاعدة والحلفاء والمعارضون',
  constituents: 'القاعدة الشعبية',
  allies: 'الحلفاء',
  opponents: 'المعارضون',
  targets: 'الجهات المستهدفة',
  primary: 'الرئيسية',
  secondary: 'الثانوية',
  tactics: 'التكتيكات',
  benchmarks: 'المعالم',
  benchmark: 'المعلم',
  target: 'الهدف',
  by: 'قبل',
  kind: 'النوع',
  internal: 'قوتنا',
  external: 'التغيير المنشود',
};

const dictionaries: Record<Lang, StrategyStrings> = { en, es, fr, ar };

export const strategyStrings = (lang: Lang): StrategyStrings => dictionaries[lang];
