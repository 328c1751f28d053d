import type { MarkCategory } from './settings';

/**
 * The organisations the introduction's sample paragraph names, one per kind of mark, as the
 * bundled dataset writes them (tests/unit/welcome-sample.test.ts checks each against it). The
 * paragraph around them is invented and says so; the names and their labels are not.
 */
export const WELCOME_SAMPLE: readonly { id: string; name: string; category: MarkCategory }[] = [
  { id: 'hamburg-aviation', name: 'Hamburg Aviation', category: 'gold' },
  { id: 'romanian-textile-concept', name: 'Romanian Textile Concept', category: 'silver' },
  { id: 'vojvodina-ict-cluster', name: 'Vojvodina ICT Cluster', category: 'bronze' },
  { id: 'baltic-eco-energy-cluster', name: 'Baltic Eco-Energy Cluster', category: 'expired' },
  { id: 'smart-hub-flemish-brabant', name: 'Smart Hub Flemish Brabant', category: 'unlabelled' },
];
