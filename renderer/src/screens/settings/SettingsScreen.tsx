import { NotBuilt } from '../../components/NotBuilt';

export function SettingsScreen() {
  return <NotBuilt screen="nav.home" />;
}
