/**
 * Judged claims planted among generated ones for the scale test and the bench, and a paraphrase of
 * each (numbers spelled another way, words reordered or swapped) that must find it.
 */
export const PLANTED = [
  "Unemployment rose by 5% in 2023, the highest rise in a decade.",
  "The government spent $3m on a new logo for the health ministry.",
  "One thousand migrants crossed the Channel in small boats on a single day in August.",
  "Wind turbines kill more birds every year than domestic cats do.",
  "The mayor promised the new tram line would open in 2027.",
  "Drinking two cups of coffee a day halves the risk of heart disease.",
  "Crime in the capital fell by a third after street lights were switched to LEDs.",
  "The country imports 40 percent of its electricity from its neighbours.",
  "Half of all teachers plan to leave the profession within five years.",
  "The new stadium cost taxpayers 1.2 billion euros, twice the original budget.",
];

export const QUERIES = [
  "In 2023 unemployment went up five per cent, its highest rise in ten years.",
  "The health ministry paid 3 million dollars for its new logo.",
  "On one day in August 1,000 migrants crossed the Channel in small boats.",
  "Every year domestic cats kill fewer birds than wind turbines.",
  "The new tram line will open in 2027, the mayor promised.",
  "Two cups of coffee a day cut heart disease risk by half.",
  "After street lights switched to LEDs, crime in the capital fell by a third.",
  "40% of the country's electricity is imported from neighbours.",
  "Within five years half of teachers plan to leave the profession.",
  "Taxpayers paid 1.2 billion euros for the new stadium, double its budget.",
];
