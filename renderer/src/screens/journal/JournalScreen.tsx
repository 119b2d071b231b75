import { NotBuilt } from '../../components/NotBuilt';

export function JournalScreen() {
  return <NotBuilt screen="nav.home" />;
}
