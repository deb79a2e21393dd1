// A podcast episode's fields matter only for a podcast episode: hidden while another type is chosen. Without script
// they stay in the form, with a hint that says so; the server reads them only for a podcast episode either way.
(() => {
    const type = document.getElementById('Input_Type');
    const fields = document.getElementById('episode-fields');
    if (!type || !fields) return;
    const show = () => { fields.hidden = type.value !== 'PodcastEpisode'; };
    type.addEventListener('change', show);
    show();
})();
