/** The intervals the console offers, in minutes: 15 minutes to 24 hours (the database checks 15..1440). */
export const syncIntervalChoices = [15, 30, 40, 60, 120, 240, 480, 720, 1440] as const;

/** "15 minutes", "hour", "2 hours": what follows "every". */
export function syncIntervalLabel(minutes: number): string {
  if (minutes % 60 !== 0) return `${minutes} minutes`;
  const hours = minutes / 60;
  return hours === 1 ? "hour" : `${hours} hours`;
}
