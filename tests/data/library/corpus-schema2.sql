PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO meta VALUES('fetched:huggingface:23','2026-12-02T07:42:25Z');
INSERT INTO meta VALUES('fetched:huggingface:24','2026-12-02T07:42:25Z');
INSERT INTO meta VALUES('fetched:huggingface:4','2026-12-02T07:42:25Z');
INSERT INTO meta VALUES('fetched:huggingface:5','2026-12-02T07:42:25Z');
INSERT INTO meta VALUES('fetched:huggingface:6','2026-12-02T07:42:27Z');
INSERT INTO meta VALUES('fetched:semantic-scholar:1','2026-12-02T07:42:25Z');
INSERT INTO meta VALUES('fetched:semantic-scholar:2','2026-12-02T07:42:25Z');
INSERT INTO meta VALUES('fetched:semantic-scholar:3','2026-12-02T07:42:25Z');
INSERT INTO meta VALUES('fetched:semantic-scholar:4','2026-12-02T07:42:25Z');
INSERT INTO meta VALUES('fetched:semantic-scholar:5','2026-12-02T07:42:25Z');
INSERT INTO meta VALUES('fetched:semantic-scholar:6','2026-12-02T07:42:25Z');
INSERT INTO meta VALUES('fetched:semantic-scholar:7','2026-12-02T07:42:25Z');
INSERT INTO meta VALUES('fetched:semantic-scholar:8','2026-12-02T07:42:25Z');
INSERT INTO meta VALUES('revision','8');
INSERT INTO meta VALUES('schema_version','2');
INSERT INTO meta VALUES('state:oai:arXiv','726959|1001');
INSERT INTO meta VALUES('state:oai:arXiv:cs','496549|47001');
CREATE TABLE papers (
  key              INTEGER PRIMARY KEY AUTOINCREMENT,
  id               TEXT    NOT NULL UNIQUE,
  arxiv_id         TEXT,
  doi              TEXT,
  title_key        TEXT    NOT NULL,
  title            TEXT    NOT NULL,
  abstract         TEXT,
  authors          TEXT,
  authors_complete INTEGER NOT NULL DEFAULT 1,
  categories       TEXT,
  published        TEXT,
  updated          TEXT,
  venue            TEXT,
  year             INTEGER,
  citations        INTEGER,
  upvotes          INTEGER,
  is_new           INTEGER NOT NULL DEFAULT 0,
  badges           TEXT,
  links            TEXT,
  versions         TEXT,
  comments         TEXT,
  journal_ref      TEXT,
  revision         INTEGER NOT NULL,
  added_at         TEXT    NOT NULL,
  changed_at       TEXT    NOT NULL
);
INSERT INTO papers VALUES(1,'2503.11731','2503.11731',NULL,'h:f48b7f01c5ff8622','Industrial-Grade Sensor Simulation via Gaussian Splatting: A Modular Framework for Scalable Editing and Full-Stack Validation','Sensor simulation is pivotal for scalable validation of autonomous driving systems, yet existing Neural Radiance Fields (NeRF) based methods face applicability and efficiency challenges in industrial workflows. This paper introduces a Gaussian Splatting (GS) based system to address these challenges: We first break down sensor simulator components and analyze the possible advantages of GS over NeRF. Then in practice, we refactor three crucial components through GS, to leverage its explicit scene representation and real-time rendering: (1) choosing the 2D neural Gaussian representation for physics-compliant scene and sensor modeling, (2) proposing a scene editing pipeline to leverage Gaussian primitives library for data augmentation, and (3) coupling a controllable diffusion model for scene expansion and harmonization. We implement this framework on a proprietary autonomous driving dataset supporting cameras and LiDAR sensors. We demonstrate through ablation studies that our approach reduces frame-wise simulation latency, achieves better geometric and photometric consistency, and enables interpretable explicit scene editing and expansion. Furthermore, we showcase how integrating such a GS-based sensor simulator with traffic and dynamic simulators enables full-stack testing of end-to-end autonomy algorithms. Our work provides both algorithmic insights and practical validation, establishing GS as a cornerstone for industrial-grade sensor simulation.','["Xianming Zeng","Sicong Du","Qifeng Chen","Lizhe Liu","Haoyu Shu","Jiaxuan Gao","Jiarun Liu","Jiulong Xu","Jianyun Xu","Mingxia Chen","Yiru Zhao","Peng Chen","Yapeng Xue","Chunming Zhao","Sheng Yang","Qiang Li"]',1,'["cs.CV","cs.RO"]','2025-03-18',NULL,'CVPR 2025',2025,3,NULL,0,'["arxiv"]','["https://arxiv.org/abs/2503.11731"]',NULL,NULL,NULL,5,'2026-12-02T07:42:23Z','2026-12-02T07:42:23Z');
INSERT INTO papers VALUES(2,'2503.11742','2503.11742',NULL,'h:259cbeba90ce22e2','Safe Vision-Language Models via Unsafe Weights Manipulation','Vision-language models (VLMs) often inherit the biases and unsafe associations present within their large-scale training dataset. While recent approaches mitigate unsafe behaviors, their evaluation focuses on how safe the model is on unsafe inputs, ignoring potential shortcomings on safe ones. In this paper, we first revise safety evaluation by introducing SafeGround, a new set of metrics that evaluate safety at different levels of granularity. With this metric, we uncover a surprising issue of training-based methods: they make the model less safe on safe inputs. From this finding, we take a different direction and explore whether it is possible to make a model safer without training, introducing Unsafe Weights Manipulation (UWM). UWM uses a calibration set of safe and unsafe instances to compare activations between safe and unsafe content, identifying the most important parameters for processing the latter. Their values are then manipulated via negation. Experiments show that UWM achieves the best tradeoff between safety and knowledge preservation, consistently improving VLMs on unsafe queries while outperforming even training-based state-of-the-art methods on safe ones.','["Moreno D''Incà","Elia Peruzzo","Xingqian Xu","Humphrey Shi","Nicu Sebe","Massimiliano Mancini"]',1,'["cs.CV","cs.AI"]','2025-03-18',NULL,'CVPR 2025',2025,3,NULL,0,'["arxiv"]','["https://arxiv.org/abs/2503.11742"]',NULL,NULL,NULL,5,'2026-12-02T07:42:23Z','2026-12-02T07:42:23Z');
INSERT INTO papers VALUES(3,'2503.11750','2503.11750',NULL,'h:a569499ac723438a','Making Every Step Effective: Jailbreaking Large Vision-Language Models Through Hierarchical KV Equalization','In the realm of large vision-language models (LVLMs), adversarial jailbreak attacks serve as a red-teaming approach to identify safety vulnerabilities of these models and their associated defense mechanisms. However, we identify a critical limitation: not every adversarial optimization step leads to a positive outcome, and indiscriminately accepting optimization results at each step may reduce the overall attack success rate. To address this challenge, we introduce HKVE (Hierarchical Key-Value Equalization), an innovative jailbreaking framework that selectively accepts gradient optimization results based on the distribution of attention scores across different layers, ensuring that every optimization step positively contributes to the attack. Extensive experiments demonstrate HKVE''s significant effectiveness, achieving attack success rates of 75.08% on MiniGPT4, 85.84% on LLaVA and 81.00% on Qwen-VL, substantially outperforming existing methods by margins of 20.43\%, 21.01\% and 26.43\% respectively. Furthermore, making every step effective not only leads to an increase in attack success rate but also allows for a reduction in the number of iterations, thereby lowering computational costs. Warning: This paper contains potentially harmful example data.','["Shuyang Hao","Yiwei Wang","Bryan Hooi","Jun Liu","Muhao Chen","Zi Huang","Yujun Cai"]',1,'["cs.CV","cs.CR"]','2025-03-18',NULL,'CVPR 2025',2025,3,NULL,0,'["arxiv"]','["https://arxiv.org/abs/2503.11750"]',NULL,NULL,NULL,5,'2026-12-02T07:42:23Z','2026-12-02T07:42:23Z');
INSERT INTO papers VALUES(4,'2503.11780','2503.11780',NULL,'h:f698ec733f5d9efb','Rethinking Multi-modal Object Detection from the Perspective of Mono-Modality Feature Learning','Multi-Modal Object Detection (MMOD), due to its stronger adaptability to various complex environments, has been widely applied in various applications. Extensive research is dedicated to the RGB-IR object detection, primarily focusing on how to integrate complementary features from RGB-IR modalities. However, they neglect the mono-modality insufficient learning problem that the decreased feature extraction capability in multi-modal joint learning. This leads to an unreasonable but prevalent phenomenon--Fusion Degradation, which hinders the performance improvement of the MMOD model. Motivated by this, in this paper, we introduce linear probing evaluation to the multi-modal detectors and rethink the multi-modal object detection task from the mono-modality learning perspective. Therefore, we construct an novel framework called M$^2$D-LIF, which consists of the Mono-Modality Distillation (M$^2$D) method and the Local Illumination-aware Fusion (LIF) module. The M$^2$D-LIF framework facilitates the sufficient learning of mono-modality during multi-modal joint training and explores a lightweight yet effective feature fusion manner to achieve superior object detection performance. Extensive experiments conducted on three MMOD datasets demonstrate that our M$^2$D-LIF effectively mitigates the Fusion Degradation phenomenon and outperforms the previous SOTA detectors.','["Tianyi Zhao","Boyang Liu","Yanglei Gao","Yiming Sun","Maoxun Yuan","Xingxing Wei"]',1,'["cs.CV"]','2025-03-18',NULL,NULL,NULL,NULL,NULL,0,'["arxiv"]','["https://arxiv.org/abs/2503.11780"]',NULL,NULL,NULL,1,'2026-12-02T07:42:23Z','2026-12-02T07:42:23Z');
INSERT INTO papers VALUES(5,'2503.11781','2503.11781',NULL,'h:929c7e8631d8097a','Color Matching Using Hypernetwork-Based Kolmogorov-Arnold Networks','We present cmKAN, a versatile framework for color matching. Given an input image with colors from a source color distribution, our method effectively and accurately maps these colors to match a target color distribution in both supervised and unsupervised settings. Our framework leverages the spline capabilities of Kolmogorov-Arnold Networks (KANs) to model the color matching between source and target distributions. Specifically, we developed a hypernetwork that generates spatially varying weight maps to control the nonlinear splines of a KAN, enabling accurate color matching. As part of this work, we introduce a first large-scale dataset of paired images captured by two distinct cameras and evaluate the efficacy of our and existing methods in matching colors. We evaluated our approach across various color-matching tasks, including: (1) raw-to-raw mapping, where the source color distribution is in one camera''s raw color space and the target in another camera''s raw space; (2) raw-to-sRGB mapping, where the source color distribution is in a camera''s raw space and the target is in the display sRGB space, emulating the color rendering of a camera ISP; and (3) sRGB-to-sRGB mapping, where the goal is to transfer colors from a source sRGB space (e.g., produced by a source camera ISP) to a target sRGB space (e.g., from a different camera ISP). The results show that our method outperforms existing approaches by 37.3% on average for supervised and unsupervised cases while remaining lightweight compared to other methods. The codes, dataset, and pre-trained models are available at: https://github.com/gosha20777/cmKAN','["Artem Nikonorov","Georgy Perevozchikov","Andrei Korepanov","Nancy Mehta","Mahmoud Afifi","Egor Ershov","Radu Timofte"]',1,'["cs.CV"]','2025-03-18',NULL,NULL,NULL,NULL,12,0,'["arxiv","paper"]','["https://arxiv.org/abs/2503.11781"]',NULL,NULL,NULL,8,'2026-12-02T07:42:23Z','2026-12-02T07:42:27Z');
INSERT INTO papers VALUES(6,'2503.11787','2503.11787',NULL,'h:74e4472238ac71a1','ECLARE: Efficient cross-planar learning for anisotropic resolution enhancement','In clinical imaging, magnetic resonance (MR) image volumes are often acquired as stacks of 2D slices, permitting decreased scan times, improved signal-to-noise ratio, and image contrasts unique to 2D MR pulse sequences. While this is sufficient for clinical evaluation, automated algorithms designed for 3D analysis perform sub-optimally on 2D-acquired scans, especially those with thick slices and gaps between slices. Super-resolution (SR) methods aim to address this problem, but previous methods do not address all of the following: slice profile shape estimation, slice gap, domain shift, and non-integer / arbitrary upsampling factors. In this paper, we propose ECLARE (Efficient Cross-planar Learning for Anisotropic Resolution Enhancement), a self-SR method that addresses each of these factors. ECLARE estimates the slice profile from the 2D-acquired multi-slice MR volume, trains a network to learn the mapping from low-resolution to high-resolution in-plane patches from the same volume, and performs SR with anti-aliasing. We compared ECLARE to cubic B-spline interpolation, SMORE, and other contemporary SR methods. We used realistic and representative simulations so that quantitative performance against a ground truth could be computed, and ECLARE outperformed all other methods in both signal recovery and downstream tasks. On real data for which there is no ground truth, ECLARE demonstrated qualitative superiority over other methods as well. Importantly, as ECLARE does not use external training data it cannot suffer from domain shift between training and testing. Our code is open-source and available at https://www.github.com/sremedios/eclare.','["Samuel W. Remedios","Shuwen Wei","Shuo Han","Jinwei Zhang","Aaron Carass","Kurt G. Schilling","Dzung L. Pham","Jerry L. Prince","Blake E. Dewey"]',1,'["cs.CV","eess.IV"]','2025-03-18',NULL,NULL,NULL,NULL,NULL,0,'["arxiv"]','["https://arxiv.org/abs/2503.11787"]',NULL,NULL,NULL,1,'2026-12-02T07:42:23Z','2026-12-02T07:42:23Z');
INSERT INTO papers VALUES(7,'2503.11792','2503.11792',NULL,'h:dce3be16e0e2c448','StyleMorpheus: A Style-Based 3D-Aware Morphable Face Model','For 3D face modeling, the recently developed 3D-aware neural rendering methods are able to render photorealistic face images with arbitrary viewing directions. The training of the parametric controllable 3D-aware face models, however, still relies on a large-scale dataset that is lab-collected. To address this issue, this paper introduces "StyleMorpheus", the first style-based neural 3D Morphable Face Model (3DMM) that is trained on in-the-wild images. It inherits 3DMM''s disentangled controllability (over face identity, expression, and appearance) but without the need for accurately reconstructed explicit 3D shapes. StyleMorpheus employs an auto-encoder structure. The encoder aims at learning a representative disentangled parametric code space and the decoder improves the disentanglement using shape and appearance-related style codes in the different sub-modules of the network. Furthermore, we fine-tune the decoder through style-based generative adversarial learning to achieve photorealistic 3D rendering quality. The proposed style-based design enables StyleMorpheus to achieve state-of-the-art 3D-aware face reconstruction results, while also allowing disentangled control of the reconstructed face. Our model achieves real-time rendering speed, allowing its use in virtual reality applications. We also demonstrate the capability of the proposed style-based design in face editing applications such as style mixing and color editing. Project homepage: https://github.com/ubc-3d-vision-lab/StyleMorpheus.','["Peizhi Yan","Rabab K. Ward","Dan Wang","Qiang Tang","Shan Du"]',1,'["cs.CV"]','2025-03-18',NULL,NULL,NULL,NULL,NULL,0,'["arxiv"]','["https://arxiv.org/abs/2503.11792"]',NULL,NULL,NULL,1,'2026-12-02T07:42:23Z','2026-12-02T07:42:23Z');
INSERT INTO papers VALUES(9,'2503.11806','2503.11806',NULL,'h:6bba841193c8402e','Human-in-the-Loop Local Corrections of 3D Scene Layouts via Infilling','We present a novel human-in-the-loop approach to estimate 3D scene layout that uses human feedback from an egocentric standpoint. We study this approach through introduction of a novel local correction task, where users identify local errors and prompt a model to automatically correct them. Building on SceneScript, a state-of-the-art framework for 3D scene layout estimation that leverages structured language, we propose a solution that structures this problem as "infilling", a task studied in natural language processing. We train a multi-task version of SceneScript that maintains performance on global predictions while significantly improving its local correction ability. We integrate this into a human-in-the-loop system, enabling a user to iteratively refine scene layout estimates via a low-friction "one-click fix'''' workflow. Our system enables the final refined layout to diverge from the training distribution, allowing for more accurate modelling of complex layouts.','["Christopher Xie","Armen Avetisyan","Henry Howard-Jenkins","Yawar Siddiqui","Julian Straub","Richard Newcombe","Vasileios Balntas","Jakob Engel"]',1,'["cs.CV"]','2025-03-18',NULL,NULL,NULL,NULL,NULL,0,'["arxiv"]','["https://arxiv.org/abs/2503.11806"]',NULL,NULL,NULL,1,'2026-12-02T07:42:23Z','2026-12-02T07:42:23Z');
INSERT INTO papers VALUES(10,'2503.11807','2503.11807',NULL,'h:160629c7c5893288','Mitigating Bad Ground Truth in Supervised Machine Learning based Crop Classification: A Multi-Level Framework with Sentinel-2 Images','In agricultural management, precise Ground Truth (GT) data is crucial for accurate Machine Learning (ML) based crop classification. Yet, issues like crop mislabeling and incorrect land identification are common. We propose a multi-level GT cleaning framework while utilizing multi-temporal Sentinel-2 data to address these issues. Specifically, this framework utilizes generating embeddings for farmland, clustering similar crop profiles, and identification of outliers indicating GT errors. We validated clusters with False Colour Composite (FCC) checks and used distance-based metrics to scale and automate this verification process. The importance of cleaning the GT data became apparent when the models were trained on the clean and unclean data. For instance, when we trained a Random Forest model with the clean GT data, we achieved upto 70\% absolute percentage points higher for the F1 score metric. This approach advances crop classification methodologies, with potential for applications towards improving loan underwriting and agricultural decision-making.','["Sanayya A","Amoolya Shetty","Abhijeet Sharma","Venkatesh Ravichandran","Masthan Wali Gosuvarapalli","Sarthak Jain","Priyamvada Nanjundiah","Ujjal Kr Dutta","Divya Sharma"]',1,'["cs.CV","cs.AI","cs.LG"]','2025-03-18',NULL,NULL,NULL,NULL,NULL,0,'["arxiv"]','["https://arxiv.org/abs/2503.11807"]',NULL,NULL,NULL,1,'2026-12-02T07:42:23Z','2026-12-02T07:42:23Z');
INSERT INTO papers VALUES(11,'2503.11849','2503.11849',NULL,'h:d0ccb46f2e12f980','Towards a Unified Copernicus Foundation Model for Earth Vision','Advances in Earth observation (EO) foundation models have unlocked the potential of big satellite data to learn generic representations from space, benefiting a wide range of downstream applications crucial to our planet. However, most existing efforts remain limited to fixed spectral sensors, focus solely on the Earth''s surface, and overlook valuable metadata beyond imagery. In this work, we take a step towards next-generation EO foundation models with three key components: 1) Copernicus-Pretrain, a massive-scale pretraining dataset that integrates 18.7M aligned images from all major Copernicus Sentinel missions, spanning from the Earth''s surface to its atmosphere; 2) Copernicus-FM, a unified foundation model capable of processing any spectral or non-spectral sensor modality using extended dynamic hypernetworks and flexible metadata encoding; and 3) Copernicus-Bench, a systematic evaluation benchmark with 15 hierarchical downstream tasks ranging from preprocessing to specialized applications for each Sentinel mission. Our dataset, model, and benchmark greatly improve the scalability, versatility, and multimodal adaptability of EO foundation models, while also creating new opportunities to connect EO, weather, and climate research. Codes, datasets and models are available at https://github.com/zhu-xlab/Copernicus-FM.','["Yi Wang","Zhitong Xiong","Chenying Liu","Adam J. Stewart","Thomas Dujardin","Nikolaos Ioannis Bountos","Angelos Zavras","Franziska Gerken","Ioannis Papoutsis","Laura Leal-Taixé","Xiao Xiang Zhu"]',1,'["cs.CV"]','2025-03-18',NULL,NULL,NULL,NULL,NULL,0,'["arxiv"]','["https://arxiv.org/abs/2503.11849"]',NULL,NULL,NULL,1,'2026-12-02T07:42:23Z','2026-12-02T07:42:23Z');
INSERT INTO papers VALUES(12,'2503.11892','2503.11892',NULL,'h:7b713cf05a8c3e16','DecAlign: Hierarchical Cross-Modal Alignment for Decoupled Multimodal Representation Learning','Multimodal representation learning aims to capture both shared and complementary semantic information across multiple modalities. However, the intrinsic heterogeneity of diverse modalities presents substantial challenges to achieve effective cross-modal collaboration and integration. To address this, we introduce DecAlign, a novel hierarchical cross-modal alignment framework designed to decouple multimodal representations into modality-unique (heterogeneous) and modality-common (homogeneous) features. For handling heterogeneity, we employ a prototype-guided optimal transport alignment strategy leveraging gaussian mixture modeling and multi-marginal transport plans, thus mitigating distribution discrepancies while preserving modality-unique characteristics. To reinforce homogeneity, we ensure semantic consistency across modalities by aligning latent distribution matching with Maximum Mean Discrepancy regularization. Furthermore, we incorporate a multimodal transformer to enhance high-level semantic feature fusion, thereby further reducing cross-modal inconsistencies. Our extensive experiments on four widely used multimodal benchmarks demonstrate that DecAlign consistently outperforms existing state-of-the-art methods across five metrics. These results highlight the efficacy of DecAlign in enhancing superior cross-modal alignment and semantic consistency while preserving modality-unique features, marking a significant advancement in multimodal representation learning scenarios. Our project page is at https://taco-group.github.io/DecAlign and the code is available at https://github.com/taco-group/DecAlign.','["Chengxuan Qian","Shuo Xing","Shawn Li","Yue Zhao","Zhengzhong Tu"]',1,'["cs.CV"]','2025-03-18',NULL,NULL,NULL,NULL,NULL,0,'["arxiv"]','["https://arxiv.org/abs/2503.11892"]',NULL,NULL,NULL,1,'2026-12-02T07:42:23Z','2026-12-02T07:42:23Z');
INSERT INTO papers VALUES(13,'2503.11893','2503.11893',NULL,'h:2326edf9dde1699e','UStyle: Waterbody Style Transfer of Underwater Scenes by Depth-Guided Feature Synthesis','The concept of waterbody style transfer remains largely unexplored in the underwater imaging and vision literature. Traditional image style transfer (STx) methods primarily focus on artistic and photorealistic blending, often failing to preserve object and scene geometry in images captured in high-scattering mediums such as underwater. The wavelength-dependent nonlinear attenuation and depth-dependent backscattering artifacts further complicate learning underwater image STx from unpaired data. This paper introduces UStyle, the first data-driven learning framework for transferring waterbody styles across underwater images without requiring prior reference images or scene information. We propose a novel depth-aware whitening and coloring transform (DA-WCT) mechanism that integrates physics-based waterbody synthesis to ensure perceptually consistent stylization while preserving scene structure. To enhance style transfer quality, we incorporate carefully designed loss functions that guide UStyle to maintain colorfulness, lightness, structural integrity, and frequency-domain characteristics, as well as high-level content in VGG and CLIP (contrastive language-image pretraining) feature spaces. By addressing domain-specific challenges, UStyle provides a robust framework for no-reference underwater image STx, surpassing state-of-the-art (SOTA) methods that rely solely on end-to-end reconstruction loss. Furthermore, we introduce the UF7D dataset, a curated collection of high-resolution underwater images spanning seven distinct waterbody styles, establishing a benchmark to support future research in underwater image STx. The UStyle inference pipeline and UF7D dataset are released at: https://github.com/uf-robopi/UStyle.','["Md Abu Bakr Siddique","Junliang Liu","Piyush Singh","Md Jahidul Islam"]',1,'["cs.CV","eess.IV"]','2025-03-18',NULL,NULL,NULL,NULL,NULL,0,'["arxiv"]','["https://arxiv.org/abs/2503.11893"]',NULL,NULL,NULL,1,'2026-12-02T07:42:23Z','2026-12-02T07:42:23Z');
INSERT INTO papers VALUES(14,'2503.11905','2503.11905',NULL,'h:19e0612ef63284b0','Upcycling Text-to-Image Diffusion Models for Multi-Task Capabilities','Text-to-image synthesis has witnessed remarkable advancements in recent years. Many attempts have been made to adopt text-to-image models to support multiple tasks. However, existing approaches typically require resource-intensive re-training or additional parameters to accommodate for the new tasks, which makes the model inefficient for on-device deployment. We propose Multi-Task Upcycling (MTU), a simple yet effective recipe that extends the capabilities of a pre-trained text-to-image diffusion model to support a variety of image-to-image generation tasks. MTU replaces Feed-Forward Network (FFN) layers in the diffusion model with smaller FFNs, referred to as experts, and combines them with a dynamic routing mechanism. To the best of our knowledge, MTU is the first multi-task diffusion modeling approach that seamlessly blends multi-tasking with on-device compatibility, by mitigating the issue of parameter inflation. We show that the performance of MTU is on par with the single-task fine-tuned diffusion models across several tasks including image editing, super-resolution, and inpainting, while maintaining similar latency and computational load (GFLOPs) as the single-task fine-tuned models.','["Ruchika Chavhan","Abhinav Mehrotra","Malcolm Chadwick","Alberto Gil Ramos","Luca Morreale","Mehdi Noroozi","Sourav Bhattacharya"]',1,'["cs.CV","cs.AI"]','2025-03-18',NULL,NULL,NULL,NULL,NULL,0,'["arxiv"]','["https://arxiv.org/abs/2503.11905"]',NULL,NULL,NULL,1,'2026-12-02T07:42:23Z','2026-12-02T07:42:23Z');
INSERT INTO papers VALUES(15,'2503.11906','2503.11906',NULL,'h:04d13ab52a3a1569','A Survey on SAR ship classification using Deep Learning','Deep learning (DL) has emerged as a powerful tool for Synthetic Aperture Radar (SAR) ship classification. This survey comprehensively analyzes the diverse DL techniques employed in this domain. We identify critical trends and challenges, highlighting the importance of integrating handcrafted features, utilizing public datasets, data augmentation, fine-tuning, explainability techniques, and fostering interdisciplinary collaborations to improve DL model performance. This survey establishes a first-of-its-kind taxonomy for categorizing relevant research based on DL models, handcrafted feature use, SAR attribute utilization, and the impact of fine-tuning. We discuss the methodologies used in SAR ship classification tasks and the impact of different techniques. Finally, the survey explores potential avenues for future research, including addressing data scarcity, exploring novel DL architectures, incorporating interpretability techniques, and establishing standardized performance metrics. By addressing these challenges and leveraging advancements in DL, researchers can contribute to developing more accurate and efficient ship classification systems, ultimately enhancing maritime surveillance and related applications.','["Ch Muhammad Awais","Marco Reggiannini","Davide Moroni","Emanuele Salerno"]',1,'["cs.CV","cs.AI"]','2025-03-18',NULL,NULL,NULL,NULL,NULL,0,'["arxiv"]','["https://arxiv.org/abs/2503.11906"]',NULL,NULL,NULL,1,'2026-12-02T07:42:23Z','2026-12-02T07:42:23Z');
INSERT INTO papers VALUES(16,'2503.11919','2503.11919',NULL,'h:7b2f53e146780f21','k-fold Subsampling based Sequential Backward Feature Elimination','We present a new wrapper feature selection algorithm for human detection. This algorithm is a hybrid feature selection approach combining the benefits of filter and wrapper methods. It allows the selection of an optimal feature vector that well represents the shapes of the subjects in the images. In detail, the proposed feature selection algorithm adopts the k-fold subsampling and sequential backward elimination approach, while the standard linear support vector machine (SVM) is used as the classifier for human detection. We apply the proposed algorithm to the publicly accessible INRIA and ETH pedestrian full image datasets with the PASCAL VOC evaluation criteria. Compared to other state of the arts algorithms, our feature selection based approach can improve the detection speed of the SVM classifier by over 50% with up to 2% better detection accuracy. Our algorithm also outperforms the equivalent systems introduced in the deformable part model approach with around 9% improvement in the detection accuracy.','["Jeonghwan Park","Kang Li","Huiyu Zhou"]',1,'["cs.CV"]','2025-03-18',NULL,NULL,NULL,NULL,NULL,0,'["arxiv"]','["https://arxiv.org/abs/2503.11919"]',NULL,NULL,NULL,1,'2026-12-02T07:42:23Z','2026-12-02T07:42:23Z');
INSERT INTO papers VALUES(17,'2503.11930','2503.11930',NULL,'h:368f29701d56e7bd','Generating a Biometrically Unique and Realistic Iris Database','The use of the iris as a biometric identifier has increased dramatically over the last 30 years, prompting privacy and security concerns about the use of iris images in research. It can be difficult to acquire iris image databases due to ethical concerns, and this can be a barrier for those performing biometrics research. In this paper, we describe and show how to create a database of realistic, biometrically unidentifiable colored iris images by training a diffusion model within an open-source diffusion framework. Not only were we able to verify that our model is capable of creating iris textures that are biometrically unique from the training data, but we were also able to verify that our model output creates a full distribution of realistic iris pigmentations. We highlight the fact that the utility of diffusion networks to achieve these criteria with relative ease, warrants additional research in its use within the context of iris database generation and presentation attack security.','["Jingxuan Zhang","Robert J. Hart","Ziqian Bi","Shiaofen Fang","Susan Walsh"]',1,'["cs.CV","cs.LG"]','2025-03-18',NULL,NULL,NULL,NULL,NULL,0,'["arxiv"]','["https://arxiv.org/abs/2503.11930"]',NULL,NULL,NULL,1,'2026-12-02T07:42:23Z','2026-12-02T07:42:23Z');
INSERT INTO papers VALUES(18,'2503.11932','2503.11932',NULL,'h:4f2391c496ea085f','SPRINT: Script-agnostic Structure Recognition in Tables','Table Structure Recognition (TSR) is vital for various downstream tasks like information retrieval, table reconstruction, and document understanding. While most state-of-the-art (SOTA) research predominantly focuses on TSR in English documents, the need for similar capabilities in other languages is evident, considering the global diversity of data. Moreover, creating substantial labeled data in non-English languages and training these SOTA models from scratch is costly and time-consuming. We propose TSR as a language-agnostic cell arrangement prediction and introduce SPRINT, Script-agnostic Structure Recognition in Tables. SPRINT uses recently introduced Optimized Table Structure Language (OTSL) sequences to predict table structures. We show that when coupled with a pre-trained table grid estimator, SPRINT can improve the overall tree edit distance-based similarity structure scores of tables even for non-English documents. We experimentally evaluate our performance across benchmark TSR datasets including PubTabNet, FinTabNet, and PubTables-1M. Our findings reveal that SPRINT not only matches SOTA models in performance on standard datasets but also demonstrates lower latency. Additionally, SPRINT excels in accurately identifying table structures in non-English documents, surpassing current leading models by showing an absolute average increase of 11.12%. We also present an algorithm for converting valid OTSL predictions into a widely used HTML-based table representation. To encourage further research, we release our code and Multilingual Scanned and Scene Table Structure Recognition Dataset, MUSTARD labeled with OTSL sequences for 1428 tables in thirteen languages encompassing several scripts at https://github.com/IITB-LEAP-OCR/SPRINT','["Dhruv Kudale","Badri Vishal Kasuba","Venkatapathy Subramanian","Parag Chaudhuri","Ganesh Ramakrishnan"]',1,'["cs.CV"]','2025-03-18',NULL,NULL,NULL,NULL,NULL,0,'["arxiv"]','["https://arxiv.org/abs/2503.11932"]',NULL,NULL,NULL,1,'2026-12-02T07:42:23Z','2026-12-02T07:42:23Z');
INSERT INTO papers VALUES(19,'2503.11935','2503.11935',NULL,'h:88648f646377dcde','Design of an Expression Recognition Solution Employing the Global Channel-Spatial Attention Mechanism','Facial expression recognition is a challenging classification task with broad application prospects in the field of human - computer interaction. This paper aims to introduce the methods of our upcoming 8th Affective Behavior Analysis in the Wild (ABAW) competition to be held at CVPR2025. To address issues such as low recognition accuracy caused by subtle expression changes and multi - scales in facial expression recognition in videos, we propose global channel - spatial attention and median - enhanced spatial - channel attention to strengthen feature processing for speech and images respectively. Secondly, to fully utilize the complementarity between the speech and facial expression modalities, a speech - and - facial - expression key - frame alignment technique is adopted to calculate the weights of speech and facial expressions. These weights are input into the feature fusion layer for multi - scale dilated fusion, which effectively improves the recognition rate of facial expression recognition. In the facial expression recognition task of the 6th ABAW competition, our method achieved excellent results on the official validation set, which fully demonstrates the effectiveness and competitiveness of the proposed method.','["Jun Yu","Yang Zheng","Lei Wang","Yongqi Wang","Shengfan Xu"]',1,'["cs.CV"]','2025-03-18',NULL,NULL,NULL,NULL,NULL,0,'["arxiv"]','["https://arxiv.org/abs/2503.11935"]',NULL,NULL,NULL,1,'2026-12-02T07:42:23Z','2026-12-02T07:42:23Z');
INSERT INTO papers VALUES(20,'2503.11937','2503.11937',NULL,'h:7d35ee96e2735e7a','Att-Adapter: A Robust and Precise Domain-Specific Multi-Attributes T2I Diffusion Adapter via Conditional Variational Autoencoder','Text-to-Image (T2I) Diffusion Models have achieved remarkable performance in generating high quality images. However, enabling precise control of continuous attributes, especially multiple attributes simultaneously, in a new domain (e.g., numeric values like eye openness or car width) with text-only guidance remains a significant challenge. To address this, we introduce the Attribute (Att) Adapter, a novel plug-and-play module designed to enable fine-grained, multi-attributes control in pretrained diffusion models. Our approach learns a single control adapter from a set of sample images that can be unpaired and contain multiple visual attributes. The Att-Adapter leverages the decoupled cross attention module to naturally harmonize the multiple domain attributes with text conditioning. We further introduce Conditional Variational Autoencoder (CVAE) to the Att-Adapter to mitigate overfitting, matching the diverse nature of the visual world. Evaluations on two public datasets show that Att-Adapter outperforms all LoRA-based baselines in controlling continuous attributes. Additionally, our method enables a broader control range and also improves disentanglement across multiple attributes, surpassing StyleGAN-based techniques. Notably, Att-Adapter is flexible, requiring no paired synthetic data for training, and is easily scalable to multiple attributes within a single model.','["Wonwoong Cho","Yan-Ying Chen","Matthew Klenk","David I. Inouye","Yanxia Zhang"]',1,'["cs.CV","cs.AI"]','2025-03-18',NULL,NULL,NULL,NULL,NULL,0,'["arxiv"]','["https://arxiv.org/abs/2503.11937"]',NULL,NULL,NULL,1,'2026-12-02T07:42:23Z','2026-12-02T07:42:23Z');
INSERT INTO papers VALUES(21,'2503.11945','2503.11945',NULL,'h:5d80386d4ae0c9f2','Your Text Encoder Can Be An Object-Level Watermarking Controller','Invisible watermarking of AI-generated images can help with copyright protection, enabling detection and identification of AI-generated media. In this work, we present a novel approach to watermark images of T2I Latent Diffusion Models (LDMs). By only fine-tuning text token embeddings $W_*$, we enable watermarking in selected objects or parts of the image, offering greater flexibility compared to traditional full-image watermarking. Our method leverages the text encoder''s compatibility across various LDMs, allowing plug-and-play integration for different LDMs. Moreover, introducing the watermark early in the encoding stage improves robustness to adversarial perturbations in later stages of the pipeline. Our approach achieves $99\%$ bit accuracy ($48$ bits) with a $10^5 \times$ reduction in model parameters, enabling efficient watermarking.','["Naresh Kumar Devulapally","Mingzhen Huang","Vishal Asnani","Shruti Agarwal","Siwei Lyu","Vishnu Suresh Lokhande"]',1,'["cs.CV","cs.CR","cs.LG"]','2025-03-18',NULL,NULL,NULL,NULL,NULL,0,'["arxiv"]','["https://arxiv.org/abs/2503.11945"]',NULL,NULL,NULL,1,'2026-12-02T07:42:23Z','2026-12-02T07:42:23Z');
INSERT INTO papers VALUES(22,'2503.11953','2503.11953',NULL,'h:5ea39978f7b0e19e','SPOC: Spatially-Progressing Object State Change Segmentation in Video','Object state changes in video reveal critical information about human and agent activity. However, existing methods are limited to temporal localization of when the object is in its initial state (e.g., the unchopped avocado) versus when it has completed a state change (e.g., the chopped avocado), which limits applicability for any task requiring detailed information about the progress of the actions and its spatial localization. We propose to deepen the problem by introducing the spatially-progressing object state change segmentation task. The goal is to segment at the pixel-level those regions of an object that are actionable and those that are transformed. We introduce the first model to address this task, designing a VLM-based pseudo-labeling approach, state-change dynamics constraints, and a novel WhereToChange benchmark built on in-the-wild Internet videos. Experiments on two datasets validate both the challenge of the new task as well as the promise of our model for localizing exactly where and how fast objects are changing in video. We further demonstrate useful implications for tracking activity progress to benefit robotic agents. Project page: https://vision.cs.utexas.edu/projects/spoc-spatially-progressing-osc','["Priyanka Mandikal","Tushar Nagarajan","Alex Stoken","Zihui Xue","Kristen Grauman"]',1,'["cs.CV"]','2025-03-18',NULL,NULL,NULL,NULL,NULL,0,'["arxiv"]','["https://arxiv.org/abs/2503.11953"]',NULL,NULL,NULL,1,'2026-12-02T07:42:23Z','2026-12-02T07:42:23Z');
INSERT INTO papers VALUES(23,'h:0d8ba070e5fc86fd',NULL,NULL,'h:0d8ba070e5fc86fd','Chiaroscuro Attention: Spending Compute in the Dark','Standard transformers apply self-attention uniformly at every layer and token, regardless of whether the input requires dynamic cross-token interaction. We propose CHIAR-Former (Chiaroscuro Attention), a 4-layer hybrid transformer that routes each token to one of three operators - DCT spectral mixing, RBF kernel mixing, or full self-attention - based on per-token spectral entropy, a theoretically justified complexity signal. Through systematic ablation on WikiText-103, we discover routing collapse: the router consistently rejects RBF in favour of DCT and attention, revealing that spectral mixing and dynamic attention are complementary and sufficient. A purpose-designed DCT+Attention-only variant achieves Val PPL 36.54 on WikiText-103 - a 45% improvement over a full-attention baseline (PPL 66.62) at 62.5% fewer attention FLOPs. We extend evaluation to WikiText-2, IMDB sentiment classification, and synthetic ListOps operations, establishing a clear operating regime: CHIAR-Former excels on large-scale naturalistic text where token diversity supports spectral specialisation, while full attention retains an edge on small datasets and synthetic pattern-matching tasks. These findings - both the wins and the losses - together define when and why spectral routing earns its keep.','["Prateek Kumar Sikdar"]',1,NULL,'2026-06-05',NULL,NULL,NULL,NULL,1,0,'["paper"]',NULL,NULL,NULL,NULL,2,'2026-12-02T07:42:23Z','2026-12-02T07:42:23Z');
INSERT INTO papers VALUES(25,'h:97869efcbc39f0ea',NULL,NULL,'h:97869efcbc39f0ea','Vortex: Efficient and Programmable Sparse Attention Serving for AI Agents','Sparse attention is becoming increasingly important for serving large language models (LLMs) as generation lengths continue to grow. However, deploying and evaluating new sparse attention algorithms at scale remains highly engineering-intensive, slowing both human researchers and AI agents in exploring the sparse attention design. To address this challenge, we present Vortex, a system that combines a Python-embedded frontend language atop a page-centric tensor abstraction for expressing a broad range of sparse attention algorithms, with an efficient backend tightly integrated into modern LLM serving stacks. Vortex enables rapid prototyping, deployment, and evaluation of sparse attention algorithms, effectively translating their theoretical efficiency gains into real-world throughput improvements. As a result, Vortex substantially accelerates the design and iteration of sparse attention algorithms. First, AI agents use Vortex to automatically generate and refine diverse algorithms, the best reaching up to $3.46\times$ higher throughput than full attention while preserving accuracy. Second, Vortex extends sparse attention to emerging architectures and very large models that are otherwise hard to experiment with, reaching up to $4.7\times$ higher throughput on the MLA-based GLM-4.7-Flash and $1.37\times$ on the 229B-parameter MiniMax-M2.7 on NVIDIA B200 GPUs.','["Zhuoming Chen","Xinrui Zhong","Qilong Feng"]',0,'["cs.AI"]','2026-06-04',NULL,NULL,NULL,NULL,NULL,1,'["arxiv"]',NULL,NULL,NULL,NULL,2,'2026-12-02T07:42:23Z','2026-12-02T07:42:23Z');
INSERT INTO papers VALUES(26,'h:9fe616a0ba8b31c1',NULL,NULL,'h:9fe616a0ba8b31c1','MiniMax Sparse Attention','Ultra-long-context capability is becoming indispensable for frontier LLMs: agentic workflows, repository-scale code reasoning, and persistent memory all require the model to jointly attend over hundreds of thousands to millions of tokens, yet the quadratic cost of softmax attention makes this untenable at deployment scale. We introduce MiniMax Sparse Attention (MSA), a blockwise sparse attention built upon Grouped Query Attention (GQA). A lightweight Index Branch scores key-value blocks and independently selects a Top-k subset for each GQA group, enabling group-specific sparse retrieval while maintaining efficient block-level execution; the Main Branch then performs exact block-sparse attention over only the selected blocks. Designed around a principle of simplicity and scalability, MSA is deliberately streamlined, making it straightforward to deploy efficiently across a broad range of GPUs. To translate sparsity into practical speedups, we co-design MSA with a GPU execution path that uses exp-free Top-k selection and KV-outer sparse attention to improve tensor-core utilization under block-granular access. On a 109B-parameter model with native multimodal training, MSA performs on par with GQA while reducing per-token attention compute by 28.4x at 1M context. Paired with our co-designed kernel, MSA achieves 14.2x prefill and 7.6x decoding wall-clock speedups on H800. Our inference kernel is available at: https://github.com/MiniMax-AI/MSA. A production-grade natively multimodal model powered by MSA has been publicly released at: https://huggingface.co/MiniMaxAI/MiniMax-M3.','["Xunhao Lai","Weiqi Xu","Yufeng Yang"]',0,NULL,'2026-06-10',NULL,NULL,NULL,NULL,126,0,'["paper"]',NULL,NULL,NULL,NULL,2,'2026-12-02T07:42:23Z','2026-12-02T07:42:23Z');
INSERT INTO papers VALUES(27,'h:bd2e685213392f0a',NULL,NULL,'h:bd2e685213392f0a','Demystify Mamba in Vision: A Linear Attention Perspective','Mamba is an effective state space model with linear computation complexity. It has recently shown impressive efficiency in dealing with high-resolution inputs across various vision tasks. In this paper, we reveal that the powerful Mamba model shares surprising similarities with linear attention Transformer, which typically underperform conventional Transformer in practice. By exploring the similarities and disparities between the effective Mamba and subpar linear attention Transformer, we provide comprehensive analyses to demystify the key factors behind Mamba''s success. Specifically, we reformulate the selective state space model and linear attention within a unified formulation, rephrasing Mamba as a variant of linear attention Transformer with six major distinctions: input gate, forget gate, shortcut, no attention normalization, single-head, and modified block design. For each design, we meticulously analyze its pros and cons, and empirically evaluate its impact on model performance in vision tasks. Interestingly, the results highlight the forget gate and block design as the core contributors to Mamba''s success, while the other four designs are less crucial. Based on these findings, we propose a Mamba-Inspired Linear Attention (MILA) model by incorporating the merits of these two key designs into linear attention. The resulting model outperforms various vision Mamba models in both image classification and high-resolution dense prediction tasks, while enjoying parallelizable computation and fast inference speed. Code is available at https://github.com/LeapLabTHU/MLLA.','["Dongchen Han","Ziyi Wang","Zhuofan Xia"]',0,NULL,NULL,NULL,'NeurIPS 2024',2024,237,NULL,0,'["paper"]',NULL,NULL,NULL,NULL,2,'2026-12-02T07:42:23Z','2026-12-02T07:42:23Z');
INSERT INTO papers VALUES(28,'0704.0001','0704.0001','10.1103/physrevd.76.013009','h:99d2935e5066f282','Calculation of prompt diphoton production cross sections at Tevatron and LHC energies','A fully differential calculation in perturbative quantum chromodynamics is presented for the production of massive photon pairs at hadron colliders.','["C. Balázs","E. L. Berger","P. M. Nadolsky","C. -P. Yuan"]',1,'["hep-ph"]','2007-04-02','2008-11-13',NULL,NULL,NULL,NULL,0,'["arxiv"]','["https://arxiv.org/abs/0704.0001"]','[{"date":"Mon, 2 Apr 2007 19:18:42 GMT","name":"v1"},{"date":"Tue, 24 Jul 2007 20:10:27 GMT","name":"v2"}]','37 pages, 15 figures; published version','Phys.Rev.D76:013009,2007',3,'2026-12-02T07:42:23Z','2026-12-02T07:42:23Z');
INSERT INTO papers VALUES(29,'0704.0002','0704.0002',NULL,'h:37259d076d961857','Sparsity-certifying Graph Decompositions','We describe a new algorithm, the $(k,\ell)$-pebble game with colors.','["Ileana Streinu","Louis Theran"]',1,'["math.CO","cs.CG"]','2007-03-31','2008-12-13',NULL,NULL,NULL,NULL,0,'["arxiv"]','["https://arxiv.org/abs/0704.0002"]','[{"date":"Sat, 31 Mar 2007 02:26:18 GMT","name":"v1"},{"date":"Sat, 13 Dec 2008 17:26:00 GMT","name":"v2"}]','To appear in Graphs and Combinatorics',NULL,3,'2026-12-02T07:42:23Z','2026-12-02T07:42:23Z');
INSERT INTO papers VALUES(30,'doi:10.5555/example.2025.42',NULL,'10.5555/example.2025.42','h:a02f2b58ba13629d','Größenordnungen: 注意力 is all you need, again','Ünïcödé text and a JSON-ish "quote" survive the migration.','["Zoë Ångström","Li Wéi","Ada Lovelace"]',0,'["cs.LG","stat.ML"]','2025-02-01','2025-02-03','ICLR 2025',2025,0,7,1,'["paper"]','["https://example.org/paper","https://example.org/code"]',NULL,'10 pages','Proc. ICLR 2025',4,'2026-12-02T07:42:23Z','2026-12-02T07:42:23Z');
CREATE TABLE sightings (
  id      INTEGER PRIMARY KEY,
  source  TEXT NOT NULL,
  origin  TEXT NOT NULL,
  seen_at TEXT NOT NULL
);
INSERT INTO sightings VALUES(1,'arxiv-jsonl','arxiv22.jsonl','2026-12-02T07:42:23Z');
INSERT INTO sightings VALUES(2,'paperdeck-jsonl','seed5.jsonl','2026-12-02T07:42:23Z');
INSERT INTO sightings VALUES(3,'arxiv-snapshot','snapshot2.jsonl','2026-12-02T07:42:23Z');
INSERT INTO sightings VALUES(4,'paperdeck-jsonl','extra1.jsonl','2026-12-02T07:42:23Z');
INSERT INTO sightings VALUES(5,'semantic-scholar','https://api.semanticscholar.org/graph/v1/paper/batch','2026-12-02T07:42:23Z');
INSERT INTO sightings VALUES(6,'huggingface','https://huggingface.co/api/papers/2503.11781','2026-12-02T07:42:27Z');
CREATE TABLE provenance (
  id        INTEGER PRIMARY KEY,
  paper_key INTEGER NOT NULL REFERENCES papers(key) ON DELETE CASCADE,
  sighting  INTEGER NOT NULL REFERENCES sightings(id),
  field     TEXT    NOT NULL,
  value     TEXT    NOT NULL
);
INSERT INTO provenance VALUES(1,1,1,'arxiv_id','2503.11731');
INSERT INTO provenance VALUES(2,1,1,'title','Industrial-Grade Sensor Simulation via Gaussian Splatting: A Modular Framework for Scalable Editing and Full-Stack Validation');
INSERT INTO provenance VALUES(3,1,1,'abstract','Sensor simulation is pivotal for scalabl… [1469 bytes, fnv1a64 52ddfeee01ed4fb0]');
INSERT INTO provenance VALUES(4,1,1,'authors','["Xianming Zeng","Sicong Du","Qifeng Chen","Lizhe Liu","Haoyu Shu","Jiaxuan Gao","Jiarun Liu","Jiulong Xu","Jianyun Xu","Mingxia Chen","Yiru Zhao","Peng Chen","Yapeng Xue","Chunming Zhao","Sheng Yang","Qiang Li"]');
INSERT INTO provenance VALUES(5,1,1,'authors_complete','true');
INSERT INTO provenance VALUES(6,1,1,'categories','["cs.CV","cs.RO"]');
INSERT INTO provenance VALUES(7,1,1,'published','2025-03-18');
INSERT INTO provenance VALUES(8,1,1,'badges','["arxiv"]');
INSERT INTO provenance VALUES(9,1,1,'links','["https://arxiv.org/abs/2503.11731"]');
INSERT INTO provenance VALUES(10,2,1,'arxiv_id','2503.11742');
INSERT INTO provenance VALUES(11,2,1,'title','Safe Vision-Language Models via Unsafe Weights Manipulation');
INSERT INTO provenance VALUES(12,2,1,'abstract','Vision-language models (VLMs) often inhe… [1190 bytes, fnv1a64 64113fe07fc931fe]');
INSERT INTO provenance VALUES(13,2,1,'authors','["Moreno D''Incà","Elia Peruzzo","Xingqian Xu","Humphrey Shi","Nicu Sebe","Massimiliano Mancini"]');
INSERT INTO provenance VALUES(14,2,1,'authors_complete','true');
INSERT INTO provenance VALUES(15,2,1,'categories','["cs.CV","cs.AI"]');
INSERT INTO provenance VALUES(16,2,1,'published','2025-03-18');
INSERT INTO provenance VALUES(17,2,1,'badges','["arxiv"]');
INSERT INTO provenance VALUES(18,2,1,'links','["https://arxiv.org/abs/2503.11742"]');
INSERT INTO provenance VALUES(19,3,1,'arxiv_id','2503.11750');
INSERT INTO provenance VALUES(20,3,1,'title','Making Every Step Effective: Jailbreaking Large Vision-Language Models Through Hierarchical KV Equalization');
INSERT INTO provenance VALUES(21,3,1,'abstract','In the realm of large vision-language mo… [1271 bytes, fnv1a64 40c055c7283a0cf5]');
INSERT INTO provenance VALUES(22,3,1,'authors','["Shuyang Hao","Yiwei Wang","Bryan Hooi","Jun Liu","Muhao Chen","Zi Huang","Yujun Cai"]');
INSERT INTO provenance VALUES(23,3,1,'authors_complete','true');
INSERT INTO provenance VALUES(24,3,1,'categories','["cs.CV","cs.CR"]');
INSERT INTO provenance VALUES(25,3,1,'published','2025-03-18');
INSERT INTO provenance VALUES(26,3,1,'badges','["arxiv"]');
INSERT INTO provenance VALUES(27,3,1,'links','["https://arxiv.org/abs/2503.11750"]');
INSERT INTO provenance VALUES(28,4,1,'arxiv_id','2503.11780');
INSERT INTO provenance VALUES(29,4,1,'title','Rethinking Multi-modal Object Detection from the Perspective of Mono-Modality Feature Learning');
INSERT INTO provenance VALUES(30,4,1,'abstract','Multi-Modal Object Detection (MMOD), due… [1379 bytes, fnv1a64 b58a97a1b4448b0c]');
INSERT INTO provenance VALUES(31,4,1,'authors','["Tianyi Zhao","Boyang Liu","Yanglei Gao","Yiming Sun","Maoxun Yuan","Xingxing Wei"]');
INSERT INTO provenance VALUES(32,4,1,'authors_complete','true');
INSERT INTO provenance VALUES(33,4,1,'categories','["cs.CV"]');
INSERT INTO provenance VALUES(34,4,1,'published','2025-03-18');
INSERT INTO provenance VALUES(35,4,1,'badges','["arxiv"]');
INSERT INTO provenance VALUES(36,4,1,'links','["https://arxiv.org/abs/2503.11780"]');
INSERT INTO provenance VALUES(37,5,1,'arxiv_id','2503.11781');
INSERT INTO provenance VALUES(38,5,1,'title','Color Matching Using Hypernetwork-Based Kolmogorov-Arnold Networks');
INSERT INTO provenance VALUES(39,5,1,'abstract','We present cmKAN, a versatile framework … [1632 bytes, fnv1a64 11a82c4a36392e8f]');
INSERT INTO provenance VALUES(40,5,1,'authors','["Artem Nikonorov","Georgy Perevozchikov","Andrei Korepanov","Nancy Mehta","Mahmoud Afifi","Egor Ershov","Radu Timofte"]');
INSERT INTO provenance VALUES(41,5,1,'authors_complete','true');
INSERT INTO provenance VALUES(42,5,1,'categories','["cs.CV"]');
INSERT INTO provenance VALUES(43,5,1,'published','2025-03-18');
INSERT INTO provenance VALUES(44,5,1,'badges','["arxiv"]');
INSERT INTO provenance VALUES(45,5,1,'links','["https://arxiv.org/abs/2503.11781"]');
INSERT INTO provenance VALUES(46,6,1,'arxiv_id','2503.11787');
INSERT INTO provenance VALUES(47,6,1,'title','ECLARE: Efficient cross-planar learning for anisotropic resolution enhancement');
INSERT INTO provenance VALUES(48,6,1,'abstract','In clinical imaging, magnetic resonance … [1667 bytes, fnv1a64 6204639f882b9b07]');
INSERT INTO provenance VALUES(49,6,1,'authors','["Samuel W. Remedios","Shuwen Wei","Shuo Han","Jinwei Zhang","Aaron Carass","Kurt G. Schilling","Dzung L. Pham","Jerry L. Prince","Blake E. Dewey"]');
INSERT INTO provenance VALUES(50,6,1,'authors_complete','true');
INSERT INTO provenance VALUES(51,6,1,'categories','["cs.CV","eess.IV"]');
INSERT INTO provenance VALUES(52,6,1,'published','2025-03-18');
INSERT INTO provenance VALUES(53,6,1,'badges','["arxiv"]');
INSERT INTO provenance VALUES(54,6,1,'links','["https://arxiv.org/abs/2503.11787"]');
INSERT INTO provenance VALUES(55,7,1,'arxiv_id','2503.11792');
INSERT INTO provenance VALUES(56,7,1,'title','StyleMorpheus: A Style-Based 3D-Aware Morphable Face Model');
INSERT INTO provenance VALUES(57,7,1,'abstract','For 3D face modeling, the recently devel… [1521 bytes, fnv1a64 0b03c0cae404a1c9]');
INSERT INTO provenance VALUES(58,7,1,'authors','["Peizhi Yan","Rabab K. Ward","Dan Wang","Qiang Tang","Shan Du"]');
INSERT INTO provenance VALUES(59,7,1,'authors_complete','true');
INSERT INTO provenance VALUES(60,7,1,'categories','["cs.CV"]');
INSERT INTO provenance VALUES(61,7,1,'published','2025-03-18');
INSERT INTO provenance VALUES(62,7,1,'badges','["arxiv"]');
INSERT INTO provenance VALUES(63,7,1,'links','["https://arxiv.org/abs/2503.11792"]');
INSERT INTO provenance VALUES(73,9,1,'arxiv_id','2503.11806');
INSERT INTO provenance VALUES(74,9,1,'title','Human-in-the-Loop Local Corrections of 3D Scene Layouts via Infilling');
INSERT INTO provenance VALUES(75,9,1,'abstract','We present a novel human-in-the-loop app… [982 bytes, fnv1a64 8c3f33d07d1a1e10]');
INSERT INTO provenance VALUES(76,9,1,'authors','["Christopher Xie","Armen Avetisyan","Henry Howard-Jenkins","Yawar Siddiqui","Julian Straub","Richard Newcombe","Vasileios Balntas","Jakob Engel"]');
INSERT INTO provenance VALUES(77,9,1,'authors_complete','true');
INSERT INTO provenance VALUES(78,9,1,'categories','["cs.CV"]');
INSERT INTO provenance VALUES(79,9,1,'published','2025-03-18');
INSERT INTO provenance VALUES(80,9,1,'badges','["arxiv"]');
INSERT INTO provenance VALUES(81,9,1,'links','["https://arxiv.org/abs/2503.11806"]');
INSERT INTO provenance VALUES(82,10,1,'arxiv_id','2503.11807');
INSERT INTO provenance VALUES(83,10,1,'title','Mitigating Bad Ground Truth in Supervised Machine Learning based Crop Classification: A Multi-Level Framework with Sentinel-2 Images');
INSERT INTO provenance VALUES(84,10,1,'abstract','In agricultural management, precise Grou… [1067 bytes, fnv1a64 b71887fe4147dfa7]');
INSERT INTO provenance VALUES(85,10,1,'authors','["Sanayya A","Amoolya Shetty","Abhijeet Sharma","Venkatesh Ravichandran","Masthan Wali Gosuvarapalli","Sarthak Jain","Priyamvada Nanjundiah","Ujjal Kr Dutta","Divya Sharma"]');
INSERT INTO provenance VALUES(86,10,1,'authors_complete','true');
INSERT INTO provenance VALUES(87,10,1,'categories','["cs.CV","cs.AI","cs.LG"]');
INSERT INTO provenance VALUES(88,10,1,'published','2025-03-18');
INSERT INTO provenance VALUES(89,10,1,'badges','["arxiv"]');
INSERT INTO provenance VALUES(90,10,1,'links','["https://arxiv.org/abs/2503.11807"]');
INSERT INTO provenance VALUES(91,11,1,'arxiv_id','2503.11849');
INSERT INTO provenance VALUES(92,11,1,'title','Towards a Unified Copernicus Foundation Model for Earth Vision');
INSERT INTO provenance VALUES(93,11,1,'abstract','Advances in Earth observation (EO) found… [1338 bytes, fnv1a64 df7e697a857d25f4]');
INSERT INTO provenance VALUES(94,11,1,'authors','["Yi Wang","Zhitong Xiong","Chenying Liu","Adam J. Stewart","Thomas Dujardin","Nikolaos Ioannis Bountos","Angelos Zavras","Franziska Gerken","Ioannis Papoutsis","Laura Leal-Taixé","Xiao Xiang Zhu"]');
INSERT INTO provenance VALUES(95,11,1,'authors_complete','true');
INSERT INTO provenance VALUES(96,11,1,'categories','["cs.CV"]');
INSERT INTO provenance VALUES(97,11,1,'published','2025-03-18');
INSERT INTO provenance VALUES(98,11,1,'badges','["arxiv"]');
INSERT INTO provenance VALUES(99,11,1,'links','["https://arxiv.org/abs/2503.11849"]');
INSERT INTO provenance VALUES(100,12,1,'arxiv_id','2503.11892');
INSERT INTO provenance VALUES(101,12,1,'title','DecAlign: Hierarchical Cross-Modal Alignment for Decoupled Multimodal Representation Learning');
INSERT INTO provenance VALUES(102,12,1,'abstract','Multimodal representation learning aims … [1630 bytes, fnv1a64 64acc6b19efb96cb]');
INSERT INTO provenance VALUES(103,12,1,'authors','["Chengxuan Qian","Shuo Xing","Shawn Li","Yue Zhao","Zhengzhong Tu"]');
INSERT INTO provenance VALUES(104,12,1,'authors_complete','true');
INSERT INTO provenance VALUES(105,12,1,'categories','["cs.CV"]');
INSERT INTO provenance VALUES(106,12,1,'published','2025-03-18');
INSERT INTO provenance VALUES(107,12,1,'badges','["arxiv"]');
INSERT INTO provenance VALUES(108,12,1,'links','["https://arxiv.org/abs/2503.11892"]');
INSERT INTO provenance VALUES(109,13,1,'arxiv_id','2503.11893');
INSERT INTO provenance VALUES(110,13,1,'title','UStyle: Waterbody Style Transfer of Underwater Scenes by Depth-Guided Feature Synthesis');
INSERT INTO provenance VALUES(111,13,1,'abstract','The concept of waterbody style transfer … [1739 bytes, fnv1a64 438b9f8faad37039]');
INSERT INTO provenance VALUES(112,13,1,'authors','["Md Abu Bakr Siddique","Junliang Liu","Piyush Singh","Md Jahidul Islam"]');
INSERT INTO provenance VALUES(113,13,1,'authors_complete','true');
INSERT INTO provenance VALUES(114,13,1,'categories','["cs.CV","eess.IV"]');
INSERT INTO provenance VALUES(115,13,1,'published','2025-03-18');
INSERT INTO provenance VALUES(116,13,1,'badges','["arxiv"]');
INSERT INTO provenance VALUES(117,13,1,'links','["https://arxiv.org/abs/2503.11893"]');
INSERT INTO provenance VALUES(118,14,1,'arxiv_id','2503.11905');
INSERT INTO provenance VALUES(119,14,1,'title','Upcycling Text-to-Image Diffusion Models for Multi-Task Capabilities');
INSERT INTO provenance VALUES(120,14,1,'abstract','Text-to-image synthesis has witnessed re… [1209 bytes, fnv1a64 191d5630963dff0b]');
INSERT INTO provenance VALUES(121,14,1,'authors','["Ruchika Chavhan","Abhinav Mehrotra","Malcolm Chadwick","Alberto Gil Ramos","Luca Morreale","Mehdi Noroozi","Sourav Bhattacharya"]');
INSERT INTO provenance VALUES(122,14,1,'authors_complete','true');
INSERT INTO provenance VALUES(123,14,1,'categories','["cs.CV","cs.AI"]');
INSERT INTO provenance VALUES(124,14,1,'published','2025-03-18');
INSERT INTO provenance VALUES(125,14,1,'badges','["arxiv"]');
INSERT INTO provenance VALUES(126,14,1,'links','["https://arxiv.org/abs/2503.11905"]');
INSERT INTO provenance VALUES(127,15,1,'arxiv_id','2503.11906');
INSERT INTO provenance VALUES(128,15,1,'title','A Survey on SAR ship classification using Deep Learning');
INSERT INTO provenance VALUES(129,15,1,'abstract','Deep learning (DL) has emerged as a powe… [1231 bytes, fnv1a64 6c8b657ad756bd9e]');
INSERT INTO provenance VALUES(130,15,1,'authors','["Ch Muhammad Awais","Marco Reggiannini","Davide Moroni","Emanuele Salerno"]');
INSERT INTO provenance VALUES(131,15,1,'authors_complete','true');
INSERT INTO provenance VALUES(132,15,1,'categories','["cs.CV","cs.AI"]');
INSERT INTO provenance VALUES(133,15,1,'published','2025-03-18');
INSERT INTO provenance VALUES(134,15,1,'badges','["arxiv"]');
INSERT INTO provenance VALUES(135,15,1,'links','["https://arxiv.org/abs/2503.11906"]');
INSERT INTO provenance VALUES(136,16,1,'arxiv_id','2503.11919');
INSERT INTO provenance VALUES(137,16,1,'title','k-fold Subsampling based Sequential Backward Feature Elimination');
INSERT INTO provenance VALUES(138,16,1,'abstract','We present a new wrapper feature selecti… [1021 bytes, fnv1a64 bc66363be87b1b7a]');
INSERT INTO provenance VALUES(139,16,1,'authors','["Jeonghwan Park","Kang Li","Huiyu Zhou"]');
INSERT INTO provenance VALUES(140,16,1,'authors_complete','true');
INSERT INTO provenance VALUES(141,16,1,'categories','["cs.CV"]');
INSERT INTO provenance VALUES(142,16,1,'published','2025-03-18');
INSERT INTO provenance VALUES(143,16,1,'badges','["arxiv"]');
INSERT INTO provenance VALUES(144,16,1,'links','["https://arxiv.org/abs/2503.11919"]');
INSERT INTO provenance VALUES(145,17,1,'arxiv_id','2503.11930');
INSERT INTO provenance VALUES(146,17,1,'title','Generating a Biometrically Unique and Realistic Iris Database');
INSERT INTO provenance VALUES(147,17,1,'abstract','The use of the iris as a biometric ident… [1001 bytes, fnv1a64 8a40966d150080d7]');
INSERT INTO provenance VALUES(148,17,1,'authors','["Jingxuan Zhang","Robert J. Hart","Ziqian Bi","Shiaofen Fang","Susan Walsh"]');
INSERT INTO provenance VALUES(149,17,1,'authors_complete','true');
INSERT INTO provenance VALUES(150,17,1,'categories','["cs.CV","cs.LG"]');
INSERT INTO provenance VALUES(151,17,1,'published','2025-03-18');
INSERT INTO provenance VALUES(152,17,1,'badges','["arxiv"]');
INSERT INTO provenance VALUES(153,17,1,'links','["https://arxiv.org/abs/2503.11930"]');
INSERT INTO provenance VALUES(154,18,1,'arxiv_id','2503.11932');
INSERT INTO provenance VALUES(155,18,1,'title','SPRINT: Script-agnostic Structure Recognition in Tables');
INSERT INTO provenance VALUES(156,18,1,'abstract','Table Structure Recognition (TSR) is vit… [1764 bytes, fnv1a64 cb0447b2102f8af0]');
INSERT INTO provenance VALUES(157,18,1,'authors','["Dhruv Kudale","Badri Vishal Kasuba","Venkatapathy Subramanian","Parag Chaudhuri","Ganesh Ramakrishnan"]');
INSERT INTO provenance VALUES(158,18,1,'authors_complete','true');
INSERT INTO provenance VALUES(159,18,1,'categories','["cs.CV"]');
INSERT INTO provenance VALUES(160,18,1,'published','2025-03-18');
INSERT INTO provenance VALUES(161,18,1,'badges','["arxiv"]');
INSERT INTO provenance VALUES(162,18,1,'links','["https://arxiv.org/abs/2503.11932"]');
INSERT INTO provenance VALUES(163,19,1,'arxiv_id','2503.11935');
INSERT INTO provenance VALUES(164,19,1,'title','Design of an Expression Recognition Solution Employing the Global Channel-Spatial Attention Mechanism');
INSERT INTO provenance VALUES(165,19,1,'abstract','Facial expression recognition is a chall… [1241 bytes, fnv1a64 2e7137aa1753242e]');
INSERT INTO provenance VALUES(166,19,1,'authors','["Jun Yu","Yang Zheng","Lei Wang","Yongqi Wang","Shengfan Xu"]');
INSERT INTO provenance VALUES(167,19,1,'authors_complete','true');
INSERT INTO provenance VALUES(168,19,1,'categories','["cs.CV"]');
INSERT INTO provenance VALUES(169,19,1,'published','2025-03-18');
INSERT INTO provenance VALUES(170,19,1,'badges','["arxiv"]');
INSERT INTO provenance VALUES(171,19,1,'links','["https://arxiv.org/abs/2503.11935"]');
INSERT INTO provenance VALUES(172,20,1,'arxiv_id','2503.11937');
INSERT INTO provenance VALUES(173,20,1,'title','Att-Adapter: A Robust and Precise Domain-Specific Multi-Attributes T2I Diffusion Adapter via Conditional Variational Autoencoder');
INSERT INTO provenance VALUES(174,20,1,'abstract','Text-to-Image (T2I) Diffusion Models hav… [1393 bytes, fnv1a64 a533dbb6421ac74f]');
INSERT INTO provenance VALUES(175,20,1,'authors','["Wonwoong Cho","Yan-Ying Chen","Matthew Klenk","David I. Inouye","Yanxia Zhang"]');
INSERT INTO provenance VALUES(176,20,1,'authors_complete','true');
INSERT INTO provenance VALUES(177,20,1,'categories','["cs.CV","cs.AI"]');
INSERT INTO provenance VALUES(178,20,1,'published','2025-03-18');
INSERT INTO provenance VALUES(179,20,1,'badges','["arxiv"]');
INSERT INTO provenance VALUES(180,20,1,'links','["https://arxiv.org/abs/2503.11937"]');
INSERT INTO provenance VALUES(181,21,1,'arxiv_id','2503.11945');
INSERT INTO provenance VALUES(182,21,1,'title','Your Text Encoder Can Be An Object-Level Watermarking Controller');
INSERT INTO provenance VALUES(183,21,1,'abstract','Invisible watermarking of AI-generated i… [851 bytes, fnv1a64 8e5e094813ab6f3f]');
INSERT INTO provenance VALUES(184,21,1,'authors','["Naresh Kumar Devulapally","Mingzhen Huang","Vishal Asnani","Shruti Agarwal","Siwei Lyu","Vishnu Suresh Lokhande"]');
INSERT INTO provenance VALUES(185,21,1,'authors_complete','true');
INSERT INTO provenance VALUES(186,21,1,'categories','["cs.CV","cs.CR","cs.LG"]');
INSERT INTO provenance VALUES(187,21,1,'published','2025-03-18');
INSERT INTO provenance VALUES(188,21,1,'badges','["arxiv"]');
INSERT INTO provenance VALUES(189,21,1,'links','["https://arxiv.org/abs/2503.11945"]');
INSERT INTO provenance VALUES(190,22,1,'arxiv_id','2503.11953');
INSERT INTO provenance VALUES(191,22,1,'title','SPOC: Spatially-Progressing Object State Change Segmentation in Video');
INSERT INTO provenance VALUES(192,22,1,'abstract','Object state changes in video reveal cri… [1240 bytes, fnv1a64 066558ac712a6938]');
INSERT INTO provenance VALUES(193,22,1,'authors','["Priyanka Mandikal","Tushar Nagarajan","Alex Stoken","Zihui Xue","Kristen Grauman"]');
INSERT INTO provenance VALUES(194,22,1,'authors_complete','true');
INSERT INTO provenance VALUES(195,22,1,'categories','["cs.CV"]');
INSERT INTO provenance VALUES(196,22,1,'published','2025-03-18');
INSERT INTO provenance VALUES(197,22,1,'badges','["arxiv"]');
INSERT INTO provenance VALUES(198,22,1,'links','["https://arxiv.org/abs/2503.11953"]');
INSERT INTO provenance VALUES(199,23,2,'title','Chiaroscuro Attention: Spending Compute in the Dark');
INSERT INTO provenance VALUES(200,23,2,'abstract','Standard transformers apply self-attenti… [1290 bytes, fnv1a64 d04a4c7d93f1dfd2]');
INSERT INTO provenance VALUES(201,23,2,'authors','["Prateek Kumar Sikdar"]');
INSERT INTO provenance VALUES(202,23,2,'authors_complete','true');
INSERT INTO provenance VALUES(203,23,2,'published','2026-06-05');
INSERT INTO provenance VALUES(204,23,2,'upvotes','1');
INSERT INTO provenance VALUES(205,23,2,'badges','["paper"]');
INSERT INTO provenance VALUES(213,25,2,'title','Vortex: Efficient and Programmable Sparse Attention Serving for AI Agents');
INSERT INTO provenance VALUES(214,25,2,'abstract','Sparse attention is becoming increasingl… [1378 bytes, fnv1a64 1f11504b8660c4e6]');
INSERT INTO provenance VALUES(215,25,2,'authors','["Zhuoming Chen","Xinrui Zhong","Qilong Feng"]');
INSERT INTO provenance VALUES(216,25,2,'authors_complete','false');
INSERT INTO provenance VALUES(217,25,2,'categories','["cs.AI"]');
INSERT INTO provenance VALUES(218,25,2,'published','2026-06-04');
INSERT INTO provenance VALUES(219,25,2,'is_new','true');
INSERT INTO provenance VALUES(220,25,2,'badges','["arxiv"]');
INSERT INTO provenance VALUES(221,26,2,'title','MiniMax Sparse Attention');
INSERT INTO provenance VALUES(222,26,2,'abstract','Ultra-long-context capability is becomin… [1597 bytes, fnv1a64 a28bd697bc7e6485]');
INSERT INTO provenance VALUES(223,26,2,'authors','["Xunhao Lai","Weiqi Xu","Yufeng Yang"]');
INSERT INTO provenance VALUES(224,26,2,'authors_complete','false');
INSERT INTO provenance VALUES(225,26,2,'published','2026-06-10');
INSERT INTO provenance VALUES(226,26,2,'upvotes','126');
INSERT INTO provenance VALUES(227,26,2,'badges','["paper"]');
INSERT INTO provenance VALUES(228,27,2,'title','Demystify Mamba in Vision: A Linear Attention Perspective');
INSERT INTO provenance VALUES(229,27,2,'abstract','Mamba is an effective state space model … [1596 bytes, fnv1a64 231a881cd069a2d7]');
INSERT INTO provenance VALUES(230,27,2,'authors','["Dongchen Han","Ziyi Wang","Zhuofan Xia"]');
INSERT INTO provenance VALUES(231,27,2,'authors_complete','false');
INSERT INTO provenance VALUES(232,27,2,'venue','NeurIPS 2024');
INSERT INTO provenance VALUES(233,27,2,'year','2024');
INSERT INTO provenance VALUES(234,27,2,'citations','237');
INSERT INTO provenance VALUES(235,27,2,'badges','["paper"]');
INSERT INTO provenance VALUES(236,28,3,'arxiv_id','0704.0001');
INSERT INTO provenance VALUES(237,28,3,'doi','10.1103/physrevd.76.013009');
INSERT INTO provenance VALUES(238,28,3,'title','Calculation of prompt diphoton production cross sections at Tevatron and LHC energies');
INSERT INTO provenance VALUES(239,28,3,'abstract','A fully differential calculation in perturbative quantum chromodynamics is presented for the production of massive photon pairs at hadron colliders.');
INSERT INTO provenance VALUES(240,28,3,'authors','["C. Balázs","E. L. Berger","P. M. Nadolsky","C. -P. Yuan"]');
INSERT INTO provenance VALUES(241,28,3,'authors_complete','true');
INSERT INTO provenance VALUES(242,28,3,'categories','["hep-ph"]');
INSERT INTO provenance VALUES(243,28,3,'published','2007-04-02');
INSERT INTO provenance VALUES(244,28,3,'updated','2008-11-13');
INSERT INTO provenance VALUES(245,28,3,'badges','["arxiv"]');
INSERT INTO provenance VALUES(246,28,3,'links','["https://arxiv.org/abs/0704.0001"]');
INSERT INTO provenance VALUES(247,28,3,'versions','[{"date":"Mon, 2 Apr 2007 19:18:42 GMT","name":"v1"},{"date":"Tue, 24 Jul 2007 20:10:27 GMT","name":"v2"}]');
INSERT INTO provenance VALUES(248,28,3,'comments','37 pages, 15 figures; published version');
INSERT INTO provenance VALUES(249,28,3,'journal_ref','Phys.Rev.D76:013009,2007');
INSERT INTO provenance VALUES(250,29,3,'arxiv_id','0704.0002');
INSERT INTO provenance VALUES(251,29,3,'title','Sparsity-certifying Graph Decompositions');
INSERT INTO provenance VALUES(252,29,3,'abstract','We describe a new algorithm, the $(k,\ell)$-pebble game with colors.');
INSERT INTO provenance VALUES(253,29,3,'authors','["Ileana Streinu","Louis Theran"]');
INSERT INTO provenance VALUES(254,29,3,'authors_complete','true');
INSERT INTO provenance VALUES(255,29,3,'categories','["math.CO","cs.CG"]');
INSERT INTO provenance VALUES(256,29,3,'published','2007-03-31');
INSERT INTO provenance VALUES(257,29,3,'updated','2008-12-13');
INSERT INTO provenance VALUES(258,29,3,'badges','["arxiv"]');
INSERT INTO provenance VALUES(259,29,3,'links','["https://arxiv.org/abs/0704.0002"]');
INSERT INTO provenance VALUES(260,29,3,'versions','[{"date":"Sat, 31 Mar 2007 02:26:18 GMT","name":"v1"},{"date":"Sat, 13 Dec 2008 17:26:00 GMT","name":"v2"}]');
INSERT INTO provenance VALUES(261,29,3,'comments','To appear in Graphs and Combinatorics');
INSERT INTO provenance VALUES(262,30,4,'doi','10.5555/example.2025.42');
INSERT INTO provenance VALUES(263,30,4,'title','Größenordnungen: 注意力 is all you need, again');
INSERT INTO provenance VALUES(264,30,4,'abstract','Ünïcödé text and a JSON-ish "quote" survive the migration.');
INSERT INTO provenance VALUES(265,30,4,'authors','["Zoë Ångström","Li Wéi","Ada Lovelace"]');
INSERT INTO provenance VALUES(266,30,4,'authors_complete','false');
INSERT INTO provenance VALUES(267,30,4,'categories','["cs.LG","stat.ML"]');
INSERT INTO provenance VALUES(268,30,4,'published','2025-02-01');
INSERT INTO provenance VALUES(269,30,4,'updated','2025-02-03');
INSERT INTO provenance VALUES(270,30,4,'venue','ICLR 2025');
INSERT INTO provenance VALUES(271,30,4,'year','2025');
INSERT INTO provenance VALUES(272,30,4,'citations','0');
INSERT INTO provenance VALUES(273,30,4,'upvotes','7');
INSERT INTO provenance VALUES(274,30,4,'is_new','true');
INSERT INTO provenance VALUES(275,30,4,'badges','["paper"]');
INSERT INTO provenance VALUES(276,30,4,'links','["https://example.org/paper","https://example.org/code"]');
INSERT INTO provenance VALUES(277,30,4,'comments','10 pages');
INSERT INTO provenance VALUES(278,30,4,'journal_ref','Proc. ICLR 2025');
INSERT INTO provenance VALUES(279,1,5,'arxiv_id','2503.11731');
INSERT INTO provenance VALUES(280,1,5,'title','Industrial-Grade Sensor Simulation via Gaussian Splatting: A Modular Framework for Scalable Editing and Full-Stack Validation');
INSERT INTO provenance VALUES(281,1,5,'venue','CVPR 2025');
INSERT INTO provenance VALUES(282,1,5,'year','2025');
INSERT INTO provenance VALUES(283,1,5,'citations','3');
INSERT INTO provenance VALUES(284,2,5,'arxiv_id','2503.11742');
INSERT INTO provenance VALUES(285,2,5,'title','Safe Vision-Language Models via Unsafe Weights Manipulation');
INSERT INTO provenance VALUES(286,2,5,'venue','CVPR 2025');
INSERT INTO provenance VALUES(287,2,5,'year','2025');
INSERT INTO provenance VALUES(288,2,5,'citations','3');
INSERT INTO provenance VALUES(289,3,5,'arxiv_id','2503.11750');
INSERT INTO provenance VALUES(290,3,5,'title','Making Every Step Effective: Jailbreaking Large Vision-Language Models Through Hierarchical KV Equalization');
INSERT INTO provenance VALUES(291,3,5,'venue','CVPR 2025');
INSERT INTO provenance VALUES(292,3,5,'year','2025');
INSERT INTO provenance VALUES(293,3,5,'citations','3');
INSERT INTO provenance VALUES(294,5,6,'arxiv_id','2503.11781');
INSERT INTO provenance VALUES(295,5,6,'title','Color Matching Using Hypernetwork-Based Kolmogorov-Arnold Networks');
INSERT INTO provenance VALUES(296,5,6,'upvotes','12');
INSERT INTO provenance VALUES(297,5,6,'badges','["paper"]');
CREATE TABLE removed (
  key      INTEGER PRIMARY KEY,
  id       TEXT    NOT NULL,
  revision INTEGER NOT NULL
);
INSERT INTO removed VALUES(8,'2503.11794',6);
INSERT INTO removed VALUES(24,'h:68a2ea54397ff7c5',7);
CREATE TABLE imports (
  id          INTEGER PRIMARY KEY,
  file        TEXT    NOT NULL,
  format      TEXT    NOT NULL,
  added       INTEGER NOT NULL,
  updated     INTEGER NOT NULL,
  errors      INTEGER NOT NULL,
  seconds     REAL    NOT NULL,
  finished_at TEXT    NOT NULL
);
INSERT INTO imports VALUES(1,'arxiv22.jsonl','arxiv-jsonl',22,0,0,0.0023640269999999998819,'2026-12-02T07:42:23Z');
INSERT INTO imports VALUES(2,'seed5.jsonl','paperdeck-jsonl',5,0,0,0.015850420000000000481,'2026-12-02T07:42:23Z');
INSERT INTO imports VALUES(3,'snapshot2.jsonl','arxiv-snapshot',2,0,0,0.0087569659999999997085,'2026-12-02T07:42:23Z');
INSERT INTO imports VALUES(4,'extra1.jsonl','paperdeck-jsonl',1,0,0,0.031344767000000002543,'2026-12-02T07:42:23Z');
CREATE TABLE pulls (
  id           INTEGER PRIMARY KEY,
  source       TEXT    NOT NULL,
  query        TEXT    NOT NULL,
  remote_query TEXT    NOT NULL,
  started_at   TEXT    NOT NULL,
  fetched      INTEGER NOT NULL,
  added        INTEGER NOT NULL,
  updated      INTEGER NOT NULL,
  errors       INTEGER NOT NULL,
  message      TEXT    NOT NULL,
  seconds      REAL    NOT NULL
);
INSERT INTO pulls VALUES(1,'arxiv-api','cat:cs.CV splatting','cat:cs.CV AND all:splatting','2026-12-02T07:42:27Z',22,22,0,0,'',3.25);
INSERT INTO pulls VALUES(2,'arxiv-api','mamba --since 2025-03-01','all:mamba AND submittedDate:[202503010000 TO 209912312359]','2026-12-02T07:42:27Z',0,0,0,1,'arXiv: HTTP 503 after 4 attempts',40.500000000000000001);
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('papers',30);
CREATE INDEX papers_arxiv_id  ON papers(arxiv_id) WHERE arxiv_id IS NOT NULL;
CREATE INDEX papers_doi       ON papers(doi) WHERE doi IS NOT NULL;
CREATE INDEX papers_title_key ON papers(title_key);
CREATE INDEX papers_revision  ON papers(revision);
CREATE INDEX provenance_paper ON provenance(paper_key);
CREATE INDEX removed_revision ON removed(revision);
COMMIT;
