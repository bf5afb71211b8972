"""BERT: WordPiece tokenizers, model sizes and folders, pretraining, fine-tuning, static init.

Nothing is re-exported here; import the submodules (they load torch,
transformers and tokenizers inside their functions, so importing them is
cheap):

=====================  ======================================================
``tokenizer``          train a WordPiece tokenizer on a corpus, load one
``models``             size presets, parameter counts, memory estimates,
                       local Hugging Face model folders (inspect, load, save)
``static_init``        initialise the word-embedding matrix from static vectors
``data``               documents, pretraining examples, MLM masking
``engine``             the training loop (``transformers.Trainer``) and devices
``pretrain``           MLM/NSP pretraining as the app and the CLI run it
``finetune_data``      fine-tuning datasets (classification, tagging, QA)
``metrics``            fine-tuning metrics
``finetune``           fine-tuning jobs
=====================  ======================================================

Model folders are local only: nothing is downloaded, ``trust_remote_code`` is
never set, and ``.bin`` weights are read with ``torch.load(weights_only=True)``.
"""
