import { NotBuilt } from '../../components/NotBuilt';

export function ManualEntryScreen() {
  return <NotBuilt screen="nav.home" />;
}
