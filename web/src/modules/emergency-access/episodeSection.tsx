// The emergency access banner on the episode screen (web/README.md).
export { EpisodeEmergencyBanner as EpisodeSection } from './EmergencyBanner.tsx';
