"""Indonesian text of the demo results framework (Indonesia)."""

from fieldgroup.core.demo_results import ResultsText

TEXT = ResultsText(
    vision="Indonesia tempat perusahaan, aparat keamanan, dan masyarakat menghormati hak asasi manusia di sekitar "
           "setiap proyek.",
    mission="Kami mempertemukan perusahaan, pemerintah, dan masyarakat sipil untuk mencegah dan menyelesaikan "
            "masalah keamanan dan hak asasi manusia, serta melaporkan secara terbuka apa yang berubah.",
    objectives=(
        ("Memperkuat dialog antara ketiga pilar",
         "Setiap pilar hadir di semua rapat pleno tahun ini, dan kedua wilayah tambang kini mengadakan "
         "rapat sendiri."),
        ("Memperbaiki praktik keamanan di lokasi proyek",
         "Dua perusahaan anggota menambahkan klausul hak asasi manusia ke semua kontrak keamanan mereka; "
         "penilaian risiko bersama pertama di Papua Tengah telah selesai."),
        ("Pemulihan yang efektif dan kerangka kebijakan nasional",
         "Rekomendasi kelompok kerja dimasukkan ke dalam rancangan rencana aksi nasional."),
    ),
    results=(
        "Rapat pleno dan rapat pilar diadakan secara teratur",
        "Kelompok kerja daerah aktif di wilayah tambang",
        "Perempuan dan wakil masyarakat berpartisipasi secara setara",
        "Personel keamanan dilatih tentang Prinsip-Prinsip Sukarela",
        "Klausul hak asasi manusia dalam kontrak keamanan swasta",
        "Berkurangnya insiden yang melibatkan penyedia keamanan",
        "Pengaduan diselesaikan dengan cepat dan adil",
        "Rencana aksi nasional bisnis dan hak asasi manusia disahkan",
    ),
    activities=(
        "Mengadakan empat rapat pleno setahun",
        "Mengadakan rapat persiapan per pilar sebelum setiap pleno",
        "Meluncurkan kelompok kerja daerah di Papua Tengah",
        "Sesi dialog masyarakat di dekat lokasi tambang",
        "Menjangkau organisasi perempuan dan masyarakat",
        "Melatih satuan kepolisian tentang Prinsip-Prinsip Sukarela",
        "Melatih satpam perusahaan anggota",
        "Menyusun contoh klausul hak asasi manusia untuk kontrak keamanan",
        "Penilaian risiko bersama di setiap kabupaten tambang",
        "Membuat daftar pengaduan bersama",
        "Menyampaikan rekomendasi untuk rencana aksi nasional",
        "Menerbitkan laporan kemajuan tahunan",
    ),
    currency="IDR",
    rate=16000.0,
    minutes=(
        ("internal", "Keamanan peserta",
         "Ancaman yang dilaporkan sebelum rapat dibahas; sekretariat menindaklanjuti dengan setiap orang yang bersangkutan."),
        ("members", "Anggaran dan sekretariat",
         "Anggota menyetujui anggaran sekretariat untuk tahun depan dan tuan rumah rapat pleno berikutnya."),
        ("public", "Keputusan",
         "Kemajuan rencana kerja dipaparkan oleh {person}.\n- Kelompok akan mengadakan kunjungan lapangan bersama sebelum rapat pleno berikutnya.\n- Ringkasan ini diterbitkan di situs web kelompok."),
    ),
)
