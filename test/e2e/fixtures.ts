/** Campaign files of our own for the end-to-end tests. */
export function fixtureCampaigns(partnerOrigin: string): Record<string, string> {
  const petition = (fields: string, body: string) => `---
kind: petition
${fields}
consent:
  text: Keep me updated about this campaign by email.
  version: "2026-11-01"
---
${body}
`;
  return {
    'fix-the-fountain.md': petition(
      `title: Fix the fountain in Central Square
summary: The fountain has been dry for two summers. Ask the parks department to repair it.
goal: 3
partners: ["${partnerOrigin}"]
nextAsks: [plant-more-trees]
petition:
  to: The Parks Department
  ask: Repair the Central Square fountain before June.`,
      'To the Parks Department: children and elders use this square every day. <b>Fix it.</b>',
    ),
    'plant-more-trees.md': petition(
      `title: Plant 500 street trees
summary: Shade for the hottest blocks in town.
lang: es
petition:
  to: City Council
  ask: Plant 500 street trees in the hottest blocks by 2028.`,
      'Dear Council, ...',
    ),
  };
}
