export function PrintTrialBalance() {
  return null;
}
