import { BackupPanel } from '@/features/export/components/backup-panel';
import { SettingsScreen } from '@/features/settings/components/settings-screen';

export function SettingsRoute() {
  return (
    <SettingsScreen>
      <BackupPanel />
    </SettingsScreen>
  );
}
